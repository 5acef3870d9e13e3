import { drawInBackground } from "./draw";
import { defaultQueueDeps } from "./enter-queue";
import { drawIsDue } from "./on-sale";
import { signQueueToken, type QueueClaims } from "./queue-token";
import { queueView, type QueueView } from "./queue-view";
import { getSaleSettingsOrThrow, viewContext } from "./settings";

export interface QueueStatus extends QueueView {
  /** A new token when the place got a number since the one sent (the draw placed a pre-queue entry): use it from now on. */
  token: string | null;
}

/**
 * The token holder's place, after a lazy admission step (and, when the draw is due and
 * nobody has made it, with the draw started). A place that was left, or that the holder
 * no longer has under this number, reads as EXPIRED.
 */
export async function getQueueStatus(claims: QueueClaims, deps = defaultQueueDeps()): Promise<QueueStatus> {
  const now = deps.clock.now();
  const sale = await getSaleSettingsOrThrow(claims.concertId);
  if (claims.number === 0 && drawIsDue(sale.onSale, now)) drawInBackground(claims.concertId, sale, deps);
  const polled = await deps.store.poll(claims.concertId, claims.userId, claims.number, now);
  const entry = polled.entry ?? { number: claims.number || null, status: "EXPIRED" as const, activeUntil: null, entryId: null };
  const renumbered = claims.number === 0 && entry.number !== null;
  const token = renumbered ? await signQueueToken({ ...claims, number: entry.number! }, now) : null;
  return { ...queueView(entry, polled, now, viewContext(sale)), token };
}
