import { systemClock, type Clock } from "../clock";
import { DomainError } from "../errors";
import type { QueueStore } from "./queue-store";
import { signQueueToken } from "./queue-token";
import { queueView, type QueueView } from "./queue-view";
import { getSaleSettingsOrThrow } from "./settings";
import { queueStore } from "./store";

export interface QueueDeps {
  store: QueueStore;
  clock: Clock;
}

export const defaultQueueDeps = (): QueueDeps => ({ store: queueStore(), clock: systemClock });

export interface EnteredQueue extends QueueView {
  token: string;
  /** False when the caller already had a place and got it back. */
  created: boolean;
}

/** Puts the user in the concert's line (or back in their place) and signs their token. */
export async function enterQueue(userId: string, concertId: string, deps = defaultQueueDeps()): Promise<EnteredQueue> {
  const sale = await getSaleSettingsOrThrow(concertId);
  if (sale.status !== "PUBLISHED") throw new DomainError("CONCERT_STATUS", "This concert was cancelled: nothing more is sold.");
  const now = deps.clock.now();
  // Entering polls too: when there is room the first answer already says ACTIVE.
  const entered = await deps.store.enter(concertId, userId, sale.queue, now);
  const token = await signQueueToken({ userId, concertId, number: entered.entry.number }, now);
  return { ...queueView(entered.entry, entered, now), token, created: entered.created };
}
