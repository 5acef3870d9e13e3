import { db } from "../db";
import { NotFoundError } from "../errors";

/** The concert a schedule belongs to: whose waiting room guards it. */
export async function getScheduleConcertIdOrThrow(scheduleId: string): Promise<string> {
  const schedule = await db.schedule.findUnique({ where: { id: scheduleId }, select: { concertId: true } });
  if (!schedule) throw new NotFoundError("Schedule");
  return schedule.concertId;
}
