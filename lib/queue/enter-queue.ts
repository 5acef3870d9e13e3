import { systemClock, type Clock } from "../clock";
import { db } from "../db";
import { DomainError } from "../errors";
import { newEntryId } from "./draw-order";
import { drawOrClose } from "./draw";
import { redeemEntryChallenge } from "./entry-challenge";
import { drawIsDue, onSalePhase } from "./on-sale";
import type { QueueStore } from "./queue-store";
import { signQueueToken } from "./queue-token";
import { queueView, type QueueView } from "./queue-view";
import { getSaleSettingsOrThrow, viewContext, type SaleSettings } from "./settings";
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

const DAY_MS = 86_400_000;

/**
 * Puts the user in the concert's line (or back in their place, from any tab or device)
 * and signs their token. Before the sale opens they join its pre-queue, to be placed by
 * the draw; after, in arrival order behind it. Before the pre-queue opens nobody may join.
 */
export async function enterQueue(userId: string, concertId: string, deps = defaultQueueDeps(), challenge: string | null = null): Promise<EnteredQueue> {
  const sale = await getSaleSettingsOrThrow(concertId);
  if (sale.status !== "PUBLISHED") throw new DomainError("CONCERT_STATUS", "This concert was cancelled: nothing more is sold.");
  const now = deps.clock.now();
  const phase = onSalePhase(sale.onSale, now);
  if (phase.kind === "NOT_OPEN") {
    throw new DomainError("QUEUE_NOT_OPEN", "The line for this concert is not open yet.", [], { opensAt: phase.opensAt.toISOString() });
  }
  await requireEligible(userId, concertId, sale, challenge, now);
  // Nobody may join in arrival order ahead of the draw: the pre-queue closes first.
  if (phase.kind === "OPEN" && drawIsDue(sale.onSale, now)) await drawOrClose(concertId, sale, deps);
  const entryId = phase.kind === "PRE_QUEUE" ? newEntryId() : undefined;
  // Entering polls too: when there is room the first answer already says ACTIVE.
  const entered = await deps.store.enter(concertId, userId, sale.queue, now, entryId);
  const token = await signQueueToken({ userId, concertId, number: entered.entry.number ?? 0 }, now);
  return { ...queueView(entered.entry, entered, now, viewContext(sale)), token, created: entered.created };
}

/** Account age and the bot challenge, as the concert asks. */
async function requireEligible(userId: string, concertId: string, sale: SaleSettings, challenge: string | null, now: Date): Promise<void> {
  if (sale.minAccountAgeDays > 0) {
    const user = await db.user.findUnique({ where: { id: userId }, select: { createdAt: true } });
    if (!user || now.getTime() - user.createdAt.getTime() < sale.minAccountAgeDays * DAY_MS) {
      throw new DomainError("ACCOUNT_TOO_NEW", `This line is open to accounts at least ${sale.minAccountAgeDays} days old.`, [], {
        minAccountAgeDays: String(sale.minAccountAgeDays),
      });
    }
  }
  if (sale.challengeDifficulty > 0) await redeemEntryChallenge(challenge, concertId, userId);
}
