import { db } from "../db";
import { NotFoundError } from "../errors";

/** The concert a schedule belongs to: whose waiting room guards it. */
export async function getScheduleConcertIdOrThrow(scheduleId: string): Promise<string> {
  const schedule = await db.schedule.findUnique({ where: { id: scheduleId }, select: { concertId: true } });
  if (!schedule) throw new NotFoundError("Schedule");
  return schedule.concertId;
}

/** The concert of the user's hold's date; anyone else's hold is not found. */
export async function getHoldConcertIdOrThrow(holdId: string, userId: string): Promise<string> {
  const hold = await db.hold.findFirst({ where: { id: holdId, userId }, select: { schedule: { select: { concertId: true } } } });
  if (!hold) throw new NotFoundError("Hold");
  return hold.schedule.concertId;
}
