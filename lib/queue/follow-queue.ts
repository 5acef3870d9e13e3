import { eventHub } from "../events/hub";
import { lastEventPosition } from "../events/read-events";
import { getQueueStatus, type QueueStatus } from "./get-queue-status";
import type { QueueClaims } from "./queue-token";

// With nothing left to wait for (admitted, left, expired) a place is still looked at now and
// then: a shopper's time running out is news too.
const SETTLED_CHECK_MS = 15_000;

/**
 * Follows the caller's place in line for one stream: its status is looked up as often as a
 * poll would be (pollAfterMs, which also keeps the place from counting as abandoned) and at
 * once when the account's queue.admitted event arrives, and sent only when it changed. The
 * first status is sent at once. Returns the stop.
 */
export async function followQueue(claims: QueueClaims, send: (status: QueueStatus) => void): Promise<() => void> {
  let current = claims;
  let last = "";
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let checking: Promise<void> | null = null;

  const check = (): Promise<void> => {
    checking ??= (async () => {
      clearTimeout(timer);
      try {
        const status = await getQueueStatus(current);
        // The draw numbered a pre-queue place: from now on its number is the one to ask about.
        if (status.token && status.number !== null) current = { ...current, number: status.number };
        const text = JSON.stringify(status);
        if (text !== last && !stopped) send(status);
        last = text;
        schedule(status.pollAfterMs ?? SETTLED_CHECK_MS);
      } catch (error) {
        console.error(JSON.stringify({ level: "warn", job: "queue-stream", message: (error as Error).message }));
        schedule(SETTLED_CHECK_MS);
      } finally {
        checking = null;
      }
    })();
    return checking;
  };
  const schedule = (ms: number) => {
    if (!stopped) timer = setTimeout(() => void check(), ms);
  };

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
  };
  try {
    // The position first: an admission between it and the first look is still heard.
    const from = await lastEventPosition();
    await check();
    const admitted = await eventHub().subscribe({ userId: claims.userId }, from, (events) => {
      if (events.some((event) => event.type === "queue.admitted" && event.concertId === claims.concertId)) void check();
    });
    return () => {
      stop();
      admitted?.close();
    };
  } catch (error) {
    stop(); // nothing may keep looking (and keeping the place alive) for a stream that never opened
    throw error;
  }
}
