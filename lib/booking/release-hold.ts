import { systemClock, type Clock } from "../clock";
import { DomainError, NotFoundError } from "../errors";
import { pool } from "../db";
import { inSqlTransaction, queryRows, sql } from "../sql";
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
 * ended (they left the line, or paid), so nothing they still hold could be paid for. A hold
 * being paid or changed right now is either done first or released first, never both (its
 * row lock). Two statements, so the seats are read after the holds' locks are held: a
 * change that committed meanwhile has its new seats freed too.
 */
export async function releaseConcertHolds(userId: string, concertId: string, clock: Clock = systemClock): Promise<number> {
  const now = clock.now().toISOString();
  const released = await inSqlTransaction(pool(), async (tx) => {
    const holds = await queryRows<{ id: string; schedule_id: string }>(
      tx,
      sql`
      UPDATE holds SET status = (CASE WHEN expires_at <= ${now}::timestamptz THEN 'EXPIRED' ELSE 'RELEASED' END)::hold_status,
                       closed_at = ${now}::timestamptz
       WHERE status = 'ACTIVE' AND id IN (
         SELECT h.id FROM holds h JOIN schedules s ON s.id = h.schedule_id
          WHERE h.user_id = ${userId}::uuid AND s.concert_id = ${concertId}::uuid AND h.status = 'ACTIVE'
          ORDER BY h.id FOR UPDATE OF h)
      RETURNING id, schedule_id`,
    );
    if (holds.length === 0) return holds;
    // The ids as one array literal, so this statement can carry the COMMIT.
    await tx.commitWith(sql`
      WITH locked AS (SELECT id FROM seats WHERE hold_id = ANY(${`{${holds.map((h) => h.id).join(",")}}`}::uuid[]) ORDER BY id FOR UPDATE)
      UPDATE seats SET hold_id = NULL, hold_expires_at = NULL FROM locked WHERE seats.id = locked.id`);
    return holds;
  });
  for (const scheduleId of new Set(released.map((h) => h.schedule_id))) availabilityChanged(scheduleId);
  return released.length;
}
