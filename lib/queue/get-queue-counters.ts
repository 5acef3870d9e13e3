import { drawInBackground } from "./draw";
import { defaultQueueDeps } from "./enter-queue";
import { drawIsDue } from "./on-sale";
import type { QueueCounters } from "./queue-store";
import { getSaleSettingsOrThrow } from "./settings";

export interface PublicQueueCounters extends QueueCounters {
  concertId: string;
  /** The pre-queue has been drawn, or there is none: a pre-queue entrant asks for its number now. */
  drawn: boolean;
}

/**
 * The line's public counters. Waiting clients poll these (through a CDN) instead of
 * their own status, so this also runs the rate-limited admission step that keeps the
 * line moving between cron ticks, with the settings in force (an admission ramp moves on),
 * and, at the open, starts the pre-queue's draw: the pre-queue's pages are what is polling then.
 */
export async function getQueueCounters(concertId: string, deps = defaultQueueDeps()): Promise<PublicQueueCounters> {
  const sale = await getSaleSettingsOrThrow(concertId);
  const now = deps.clock.now();
  // Started, not awaited: polls answer at once while the draw is made.
  if (drawIsDue(sale.onSale, now)) drawInBackground(concertId, sale, deps);
  await deps.store.admit(concertId, now, { force: false, settings: sale.queue });
  const counters = await deps.store.counters(concertId);
  const drawn = sale.onSale.preQueueOpensAt === null || sale.onSale.drawnAt !== null;
  return { concertId, ...counters, drawn };
}
