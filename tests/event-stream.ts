import { NextRequest } from "next/server";
import { ServerEventParser } from "@/lib/client/server-events";

type Handler = (request: NextRequest, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface ReceivedEvent {
  id?: string;
  event: string;
  data: Record<string, unknown>;
}

/**
 * Opens a server-sent event stream on a route handler the way Next.js calls it, and reads it
 * as a browser would: `next(n)` waits for n more events (or fails after the timeout).
 */
export async function openStream(handler: Handler, path: string, params: Record<string, string>, headers: Record<string, string>) {
  const abort = new AbortController();
  const request = new NextRequest(new URL(path, "http://localhost"), { headers, signal: abort.signal });
  const response = await handler(request, { params: Promise.resolve(params) });
  const received: ReceivedEvent[] = [];
  const parser = new ServerEventParser();
  const reader = response.status === 200 ? response.body!.getReader() : null;

  async function next(count = 1, timeoutMs = 5_000): Promise<ReceivedEvent[]> {
    const want = received.length + count;
    const deadline = Date.now() + timeoutMs;
    while (received.length < want) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`waited ${timeoutMs} ms for ${count} event(s); got ${JSON.stringify(received.slice(want - count))}`);
      const chunk = await Promise.race([reader!.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
      if (chunk === null) continue;
      if (chunk.done) throw new Error("the stream ended");
      for (const { id, event, data } of parser.push(chunk.value)) received.push({ id, event, data: JSON.parse(data) });
    }
    return received.slice(want - count, want);
  }

  return {
    response,
    received,
    next,
    close: async () => {
      abort.abort();
      await reader?.cancel().catch(() => undefined);
    },
  };
}
