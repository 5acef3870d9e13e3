/** One server-sent event as read off a text/event-stream. */
export interface ServerEvent {
  id?: string;
  event: string;
  data: string;
}

/**
 * Splits a text/event-stream into events as its bytes arrive, by the WHATWG rules that
 * matter here: blocks end at a blank line, comment lines (heartbeats) are skipped, `retry`
 * is ignored. For fetch-based streams, which (unlike EventSource) can send headers.
 */
export class ServerEventParser {
  private readonly decoder = new TextDecoder();
  private buffered = "";

  /** The events completed by this chunk. */
  push(chunk: Uint8Array): ServerEvent[] {
    this.buffered += this.decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, "\n");
    const events: ServerEvent[] = [];
    let end: number;
    while ((end = this.buffered.indexOf("\n\n")) >= 0) {
      const block = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 2);
      const event: ServerEvent = { event: "message", data: "" };
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line === "" || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + (line[colon + 1] === " " ? 2 : 1));
        if (field === "data") data.push(value);
        else if (field === "event") event.event = value;
        else if (field === "id") event.id = value;
      }
      if (!data.length) continue;
      event.data = data.join("\n");
      events.push(event);
    }
    return events;
  }
}
