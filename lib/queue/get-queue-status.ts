import { defaultQueueDeps } from "./enter-queue";
import type { QueueClaims } from "./queue-token";
import { queueView, type QueueView } from "./queue-view";

/**
 * The token holder's place, after a lazy admission step. A place that was left, or that
 * the holder no longer has under this number, reads as EXPIRED.
 */
export async function getQueueStatus(claims: QueueClaims, deps = defaultQueueDeps()): Promise<QueueView> {
  const now = deps.clock.now();
  const polled = await deps.store.poll(claims.concertId, claims.userId, claims.number, now);
  const entry = polled.entry ?? { number: claims.number, status: "EXPIRED" as const, activeUntil: null };
  return queueView(entry, polled, now);
}
