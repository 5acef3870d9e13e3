import { defaultQueueDeps } from "./enter-queue";
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
 * line moving between cron ticks, with the settings in force (an admission ramp moves on).
 */
export async function getQueueCounters(concertId: string, deps = defaultQueueDeps()): Promise<PublicQueueCounters> {
  const sale = await getSaleSettingsOrThrow(concertId);
  await deps.store.admit(concertId, deps.clock.now(), { force: false, settings: sale.queue });
  const counters = await deps.store.counters(concertId);
  const drawn = sale.onSale.preQueueOpensAt === null || sale.onSale.drawnAt !== null;
  return { concertId, ...counters, drawn };
}
