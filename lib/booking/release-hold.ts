import { systemClock, type Clock } from "../clock";
import { DomainError, NotFoundError } from "../errors";
import { pool } from "../db";
import { queryRows, sql } from "../sql";
import { inTransaction, type Tx } from "../transaction";
import { availabilityChanged } from "./availability-cache";

/**
 * Gives the caller's hold back: its seats are free at once. Releasing a hold that is
 * already released or expired changes nothing; a paid hold cannot be released.
 */
export async function releaseHold(userId: string, holdId: string, clock: Clock = systemClock): Promise<void> {
  const now = clock.now();
  const scheduleId = await inTransaction(async (tx) => {
    const [hold] = await tx.$queryRaw<{ user_id: string; status: string; expires_at: Date; schedule_id: string }[]>`
      SELECT user_id, status, expires_at, schedule_id FROM holds WHERE id = ${holdId}::uuid FOR UPDATE`;
    if (!hold || hold.user_id !== userId) throw new NotFoundError("Hold");
    if (hold.status === "PAID") throw new DomainError("HOLD_CLOSED", "This hold has been paid for; its seats are yours.");
    if (hold.status !== "ACTIVE") return null;
    await tx.$executeRaw`
      UPDATE holds SET status = ${hold.expires_at <= now ? "EXPIRED" : "RELEASED"}::hold_status, closed_at = ${now}
       WHERE id = ${holdId}::uuid`;
    await freeSeatsOf(tx, [holdId]);
    return hold.schedule_id;
  });
  if (scheduleId) availabilityChanged(scheduleId);
}

/** Clears the seats still pointing at these holds, locking them in id order like every seat writer. */
export async function freeSeatsOf(tx: Tx, holdIds: string[]): Promise<number> {
  return tx.$executeRaw`
    WITH locked AS (
      SELECT id FROM seats WHERE hold_id = ANY(${holdIds}::uuid[]) ORDER BY id FOR UPDATE
    )
    UPDATE seats SET hold_id = NULL, hold_expires_at = NULL FROM locked WHERE seats.id = locked.id`;
}

/**
 * Gives back every live hold the user has on the concert's dates: their shopping time there
 * ended (they left the line, or paid), so nothing they still hold could be paid for. One
 * call of release_concert_holds (its migration): a hold being paid or changed right now is
 * either done first or released first, never both (its row lock), and a change that
 * committed meanwhile has its new seats freed too.
 */
export async function releaseConcertHolds(userId: string, concertId: string, clock: Clock = systemClock): Promise<void> {
  const changed = await queryRows<{ schedule_id: string }>(
    pool(),
    sql`SELECT release_concert_holds(${userId}::uuid, ${concertId}::uuid, ${clock.now()}::timestamptz) AS schedule_id`,
  );
  for (const { schedule_id } of changed) availabilityChanged(schedule_id);
}
