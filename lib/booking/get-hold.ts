import { systemClock, type Clock } from "../clock";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { HoldView } from "../schemas/booking";
import { holdRecordSelect, holdView } from "./hold-view";

/** The caller's hold; someone else's is reported as not found, never as forbidden. */
export async function getHoldOrThrow(userId: string, holdId: string, clock: Clock = systemClock): Promise<HoldView> {
  const hold = await db.hold.findFirst({ where: { id: holdId, userId }, select: holdRecordSelect });
  if (!hold) throw new NotFoundError("Hold");
  return holdView(hold, clock.now());
}
