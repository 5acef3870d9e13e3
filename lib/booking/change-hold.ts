import { systemClock, type Clock } from "../clock";
import { pool } from "../db";
import { SeatUnavailableError } from "../errors";
import { isLockNotAvailable } from "../prisma-errors";
import type { ChangeHoldBody, HoldView } from "../schemas/booking";
import { queryRows, raisedRefusal, sql } from "../sql";
import { availabilityChanged } from "./availability-cache";
import { holdRefusal } from "./hold-refusals";
import { fromJson, holdView, type JsonHoldRecord } from "./hold-view";

/**
 * Makes the caller's live hold exactly these seats (1–4 of its date), all or nothing, in
 * one call of change_hold (the change_hold migration): seats kept stay held throughout,
 * seats added are claimed as in createHold (a seat being claimed right now counts as
 * taken), seats dropped are freed. The hold keeps its expiry.
 */
export async function changeHold(userId: string, holdId: string, input: ChangeHoldBody, clock: Clock = systemClock): Promise<HoldView> {
  const now = clock.now();
  const seatIds = [...input.seatIds].sort();
  try {
    const [row] = await queryRows<{ hold: JsonHoldRecord }>(
      pool(),
      sql`SELECT change_hold(${userId}::uuid, ${holdId}::uuid, ${seatIds}::uuid[], ${now}::timestamptz) AS hold`,
    );
    const hold = fromJson(row!.hold);
    availabilityChanged(hold.scheduleId);
    return holdView(hold, now);
  } catch (error) {
    if (isLockNotAvailable(error)) throw new SeatUnavailableError(seatIds);
    throw holdRefusal(raisedRefusal(error)) ?? error;
  }
}
