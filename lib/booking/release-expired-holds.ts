import { systemClock, type Clock } from "../clock";
import { db } from "../db";
import { inTransaction } from "../transaction";
import { freeSeatsOf } from "./release-hold";

const BATCH_SIZE = 500;

/**
 * Cron's share of expiry: marks lapsed holds EXPIRED and clears their seats, in batches,
 * then clears seats still pointing at holds that were closed on the fly. Readers never
 * wait for this (a lapsed hold is already free to them). Concurrent runs split the work
 * (SKIP LOCKED), so each hold is released exactly once.
 */
export async function releaseExpiredHolds(clock: Clock = systemClock): Promise<{ holds: number; seats: number }> {
  const now = clock.now();
  const total = { holds: 0, seats: 0 };
  for (;;) {
    const batch = await inTransaction(async (tx) => {
      const expired = await tx.$queryRaw<{ id: string }[]>`
        UPDATE holds SET status = 'EXPIRED', closed_at = ${now}
         WHERE id IN (SELECT id FROM holds WHERE status = 'ACTIVE' AND expires_at <= ${now}
                       ORDER BY expires_at LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED)
        RETURNING id`;
      const ids = expired.map((h) => h.id);
      return { holds: ids.length, seats: ids.length ? await freeSeatsOf(tx, ids) : 0 };
    });
    total.holds += batch.holds;
    total.seats += batch.seats;
    if (batch.holds < BATCH_SIZE) break;
  }
  for (;;) {
    const cleared = await db.$executeRaw`
      WITH lapsed AS (
        SELECT id FROM seats WHERE hold_expires_at <= ${now} ORDER BY id LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED
      )
      UPDATE seats SET hold_id = NULL, hold_expires_at = NULL FROM lapsed WHERE seats.id = lapsed.id`;
    total.seats += cleared;
    if (cleared < BATCH_SIZE) return total;
  }
}
