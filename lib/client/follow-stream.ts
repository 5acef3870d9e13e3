import { ServerEventParser, type ServerEvent } from "./server-events";

// After a dropped stream: try again soon, then less and less often (polling covers the gap).
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
// Streams send a heartbeat every 15 s: this long without a byte, the connection is dead
// even if nothing said so (a proxy or NAT that dropped it quietly).
const SILENCE_MS = 45_000;

export interface StreamCallbacks {
  onEvent(event: ServerEvent): void;
  /** The stream is (again) connected, or down (the caller polls meanwhile). */
  onConnected(connected: boolean): void;
}

/**
 * Follows a server-sent event stream with fetch (which, unlike EventSource, sends our
 * headers) until `signal` aborts: a dropped stream is opened again with its Last-Event-ID,
 * after a growing pause. One refused for good (401, 403, 404: signed out, shopping time
 * over, gone) stays closed; the caller's polling then says why.
 */
export async function followStream(url: string, headers: Record<string, string>, signal: AbortSignal, callbacks: StreamCallbacks): Promise<void> {
  let lastEventId: string | undefined;
  for (let attempt = 0; !signal.aborted; attempt++) {
    const connection = new AbortController();
    const hangUp = () => connection.abort();
    signal.addEventListener("abort", hangUp);
    let silence = setTimeout(hangUp, SILENCE_MS);
    try {
      const response = await fetch(url, {
        headers: { ...headers, accept: "text/event-stream", ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
        signal: connection.signal,
      });
      if ([401, 403, 404].includes(response.status)) return;
      if (response.ok && response.body) {
        callbacks.onConnected(true);
        attempt = 0;
        const reader = response.body.getReader();
        const parser = new ServerEventParser();
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          clearTimeout(silence);
          silence = setTimeout(hangUp, SILENCE_MS);
          for (const event of parser.push(chunk.value)) {
            callbacks.onEvent(event);
            if (event.id) lastEventId = event.id;
          }
        }
      }
    } catch {
      // A dropped connection: polling takes over until it is back.
    } finally {
      clearTimeout(silence);
      signal.removeEventListener("abort", hangUp);
    }
    if (signal.aborted) return;
    callbacks.onConnected(false);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
  }
}
