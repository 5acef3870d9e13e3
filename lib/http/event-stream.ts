import "server-only";
import { DomainError, ValidationError } from "../errors";
import { acquireStreamLease, releaseStreamLease } from "../events/stream-leases";

/** One server-sent event: its id is the position a client resumes from (Last-Event-ID). */
export interface StreamMessage {
  id?: number;
  event: string;
  data: unknown;
}

/** Sends messages to the client; returns what to do when the stream ends (unsubscribe). */
export type StreamStart = (send: (message: StreamMessage) => void) => Promise<() => void>;

// A comment line every so often keeps proxies and load balancers from closing an idle stream.
const HEARTBEAT_MS = 15_000;
// A browser reconnects after this long when a stream drops.
const RETRY_MS = 2_000;
// A client this far behind in reading is dropped; it resumes from its Last-Event-ID.
const MAX_BUFFERED_BYTES = 1 << 20;
// A stream is closed after this long and the client resumes from its Last-Event-ID: nothing
// held for a client can outlive it by much, whatever went wrong.
const MAX_LIFETIME_MS = 30 * 60_000;
/** Streams one account may hold open at once, over every instance (tabs, devices, API clients). */
export const MAX_STREAMS_PER_USER = 6;

// One change goes to every stream following it, as the same object: serialised once.
const serialisedData = new WeakMap<object, string>();
function serialised(data: unknown): string {
  if (typeof data !== "object" || data === null) return JSON.stringify(data);
  let text = serialisedData.get(data);
  if (text === undefined) serialisedData.set(data, (text = JSON.stringify(data)));
  return text;
}

const HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform also keeps compression (and proxies honouring it) from buffering the stream.
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/** The Last-Event-ID a reconnecting client sends: a position, or null on a first connection. */
export function lastEventIdOf(request: Request): number | null {
  const value = request.headers.get("last-event-id");
  if (value === null || value === "") return null;
  if (!/^\d{1,15}$/.test(value)) throw new ValidationError([{ field: "Last-Event-ID", message: "must be the id of an event this stream sent" }]);
  return Number(value);
}

/**
 * A text/event-stream response for the caller: `start` sends what the client has missed and
 * subscribes; the stream then carries heartbeats until the client leaves, `until` passes
 * (the end of a shopping session), MAX_LIFETIME_MS passes or the client stops reading. Past MAX_STREAMS_PER_USER open
 * streams of the caller on any instance, 429. Whatever `start` throws becomes the usual
 * problem+json, since nothing has been sent yet.
 */
export async function eventStreamResponse(request: Request, userId: string, start: StreamStart, until?: Date): Promise<Response> {
  // HEAD runs the GET handler, and its body is never read nor cancelled: nothing may start.
  if (request.method !== "GET") return new Response(null, { status: 200, headers: HEADERS });
  const lease = await acquireStreamLease(userId, MAX_STREAMS_PER_USER);
  if (!lease) throw new DomainError("TOO_MANY_STREAMS", `At most ${MAX_STREAMS_PER_USER} event streams may be open at once; close one first.`);
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>(
    {
      start: (c) => void (controller = c),
      cancel: () => finish(),
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
  let finished = false;
  let dropped = false;
  let stop: (() => void) | null = null;
  const timers: { heartbeat?: NodeJS.Timeout; deadline?: NodeJS.Timeout } = {};
  const finish = () => {
    if (finished) return;
    finished = true;
    clearInterval(timers.heartbeat);
    clearTimeout(timers.deadline);
    request.signal.removeEventListener("abort", finish);
    stop?.();
    void releaseStreamLease(lease);
    try {
      // A reader that stopped reading would keep everything queued for it: drop it instead.
      if (dropped) controller.error(new Error("the client stopped reading"));
      else controller.close();
    } catch {
      // already closed by the client
    }
  };
  const write = (text: string) => {
    if (finished) return;
    controller.enqueue(encoder.encode(text));
    if ((controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) {
      dropped = true;
      finish();
    }
  };
  const send = (message: StreamMessage) =>
    write(`${message.id === undefined ? "" : `id: ${message.id}\n`}event: ${message.event}\ndata: ${serialised(message.data)}\n\n`);

  write(`retry: ${RETRY_MS}\n\n`);
  try {
    stop = await start(send);
  } catch (error) {
    finish();
    throw error;
  }
  if (finished) stop();
  request.signal.addEventListener("abort", finish);
  if (request.signal.aborted) finish();
  timers.heartbeat = setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS);
  const lifetime = Math.min(until ? until.getTime() - Date.now() : MAX_LIFETIME_MS, MAX_LIFETIME_MS);
  timers.deadline = setTimeout(finish, Math.max(lifetime, 0));
  return new Response(body, { status: 200, headers: HEADERS });
}
