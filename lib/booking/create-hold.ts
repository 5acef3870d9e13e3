import { systemClock, type Clock } from "../clock";
import { db, pool } from "../db";
import { DomainError, HoldExistsError, SeatUnavailableError } from "../errors";
import { isLockNotAvailable, isUniqueViolation } from "../prisma-errors";
import type { CreateHoldBody, HoldView } from "../schemas/booking";
import { getSaleSettingsOrThrow } from "../queue/settings";
import { queryRows, raisedRefusal, sql } from "../sql";
import { availabilityChanged } from "./availability-cache";
import { holdRefusal } from "./hold-refusals";
import { getScheduleConcertIdOrThrow } from "./schedule-concert";
import { fromJson, holdView, type HoldRecord, type JsonHoldRecord } from "./hold-view";

/**
 * Holds 1–4 seats of one schedule for the user, all or nothing, for the concert's hold time: one call
 * of create_hold (the one_statement_holds_and_payments migration), so one round trip.
 * The database decides: the seats are locked in id order, checked, then claimed with a
 * conditional update. A seat another request is claiming right now counts as taken
 * (NOWAIT): in a rush nobody queues on a popular seat holding a pooled connection.
 * A user has at most one live hold per schedule; a second request is refused with
 * HOLD_EXISTS (release the first to pick other seats).
 * A hold never outlives the shopping time it was made in (`shoppingEndsAt`): paying needs
 * that time, so a longer hold would only keep seats from others that nobody can pay for.
 */
export async function createHold(
  userId: string,
  input: CreateHoldBody,
  { clock = systemClock, ttlSeconds, shoppingEndsAt }: { clock?: Clock; ttlSeconds?: number; shoppingEndsAt?: Date } = {},
): Promise<HoldView> {
  // The concert's hold time (both lookups are kept per instance: no round trip in a sale).
  ttlSeconds ??= (await getSaleSettingsOrThrow(await getScheduleConcertIdOrThrow(input.scheduleId))).holdTtlSeconds;
  const now = clock.now();
  // Ended between the queue check and now: a hold would be born lapsed.
  if (shoppingEndsAt && shoppingEndsAt <= now) {
    throw new DomainError("QUEUE_NOT_ACTIVE", "Your shopping time is over. Check the waiting room.");
  }
  const fullTtl = now.getTime() + ttlSeconds * 1000;
  const expiresAt = new Date(shoppingEndsAt ? Math.min(fullTtl, shoppingEndsAt.getTime()) : fullTtl);
  const seatIds = [...input.seatIds].sort();
  let record: HoldRecord;
  try {
    const [row] = await queryRows<{ hold: JsonHoldRecord }>(
      pool(),
      sql`SELECT create_hold(${userId}::uuid, ${input.scheduleId}::uuid, ${seatIds}::uuid[], ${now}::timestamptz, ${expiresAt}::timestamptz) AS hold`,
    );
    record = fromJson(row!.hold);
  } catch (error) {
    throw await refusalOf(error, userId, input.scheduleId, seatIds);
  }
  availabilityChanged(input.scheduleId);
  return holdView(record, now);
}


async function refusalOf(error: unknown, userId: string, scheduleId: string, seatIds: string[]): Promise<unknown> {
  const refused = holdRefusal(raisedRefusal(error));
  if (refused) return refused;
  // Two requests of one user raced past the check: the one-active-hold index decided.
  if (isUniqueViolation(error)) return new HoldExistsError(await liveHoldId(userId, scheduleId));
  if (isLockNotAvailable(error)) return new SeatUnavailableError(seatIds);
  return error;
}

/** The hold that won the race; it may already be released again, so it may be gone. */
async function liveHoldId(userId: string, scheduleId: string): Promise<string | undefined> {
  const live = await db.hold.findFirst({ where: { userId, scheduleId, status: "ACTIVE" }, select: { id: true } });
  return live?.id;
}
