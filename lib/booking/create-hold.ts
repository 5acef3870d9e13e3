import { systemClock, type Clock } from "../clock";
import { env } from "../env";
import { db } from "../db";
import { DomainError, HoldExistsError, NotFoundError, SeatUnavailableError, ValidationError } from "../errors";
import { isLockNotAvailable, isUniqueViolation } from "../prisma-errors";
import type { CreateHoldBody, HoldView } from "../schemas/booking";
import { inTransaction, type Tx } from "../transaction";
import { holdRecordSelect, holdView } from "./hold-view";

interface LockedSeat {
  id: string;
  status: "AVAILABLE" | "SOLD";
  hold_expires_at: Date | null;
  price: number;
}

/**
 * Holds 1–4 seats of one schedule for the user, all or nothing, until now + TTL.
 * The database decides: the seats are locked in id order, checked, then claimed with a
 * conditional update. A seat another request is claiming right now counts as taken
 * (NOWAIT): in a rush nobody queues on a popular seat holding a pooled connection.
 * A user has at most one live hold per schedule; a second request is refused with
 * HOLD_EXISTS (release the first to pick other seats).
 */
export async function createHold(
  userId: string,
  input: CreateHoldBody,
  { clock = systemClock, ttlSeconds = env().HOLD_TTL_SECONDS }: { clock?: Clock; ttlSeconds?: number } = {},
): Promise<HoldView> {
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  const seatIds = [...input.seatIds].sort();
  try {
    const hold = await inTransaction(async (tx) => {
      await assertOnSale(tx, input.scheduleId, now);
      // The caller's own lapsed hold still counts as ACTIVE until cron; close it first.
      await tx.$executeRaw`
        UPDATE holds SET status = 'EXPIRED', closed_at = ${now}
         WHERE user_id = ${userId}::uuid AND schedule_id = ${input.scheduleId}::uuid
           AND status = 'ACTIVE' AND expires_at <= ${now}`;
      const live = await tx.hold.findFirst({ where: { userId, scheduleId: input.scheduleId, status: "ACTIVE" }, select: { id: true } });
      if (live) throw new HoldExistsError(live.id);

      const seats = await tx.$queryRaw<LockedSeat[]>`
        SELECT id, status, hold_expires_at, price FROM seats
         WHERE schedule_id = ${input.scheduleId}::uuid AND id = ANY(${seatIds}::uuid[])
         ORDER BY id FOR UPDATE NOWAIT`;
      const unknown = seatIds.filter((id) => !seats.some((s) => s.id === id));
      if (unknown.length) throw new ValidationError(unknown.map((id) => ({ field: "seatIds", message: `seat ${id} is not a seat of this date` })));
      const taken = seats.filter((s) => s.status === "SOLD" || (s.hold_expires_at !== null && s.hold_expires_at > now));
      if (taken.length) throw new SeatUnavailableError(taken.map((s) => s.id));

      const created = await tx.hold.create({
        data: {
          userId,
          scheduleId: input.scheduleId,
          amount: seats.reduce((sum, s) => sum + s.price, 0),
          expiresAt,
          seats: { create: seats.map((s) => ({ seatId: s.id, price: s.price })) },
        },
        select: { id: true },
      });
      const claimed = await tx.$executeRaw`
        UPDATE seats SET hold_id = ${created.id}::uuid, hold_expires_at = ${expiresAt}
         WHERE id = ANY(${seatIds}::uuid[]) AND status = 'AVAILABLE'
           AND (hold_expires_at IS NULL OR hold_expires_at <= ${now})`;
      // Cannot differ under the row locks above; if it ever does, roll everything back.
      if (claimed !== seatIds.length) throw new SeatUnavailableError(seatIds);
      return tx.hold.findUniqueOrThrow({ where: { id: created.id }, select: holdRecordSelect });
    });
    return holdView(hold, now);
  } catch (error) {
    // Two requests of one user raced past the check: the one-active-hold index decided.
    if (isUniqueViolation(error)) throw new HoldExistsError(await liveHoldId(userId, input.scheduleId));
    if (isLockNotAvailable(error)) throw new SeatUnavailableError(seatIds);
    throw error;
  }
}

/** The hold that won the race; it may already be released again, so it may be gone. */
async function liveHoldId(userId: string, scheduleId: string): Promise<string | undefined> {
  const live = await db.hold.findFirst({ where: { userId, scheduleId, status: "ACTIVE" }, select: { id: true } });
  return live?.id;
}

async function assertOnSale(tx: Tx, scheduleId: string, now: Date) {
  const schedule = await tx.schedule.findUnique({ where: { id: scheduleId }, select: { salesOpenAt: true, startsAt: true } });
  if (!schedule) throw new NotFoundError("Schedule");
  if (schedule.salesOpenAt > now || schedule.startsAt <= now) {
    throw new DomainError("SCHEDULE_NOT_ON_SALE", "Tickets for this date are not on sale.");
  }
}
