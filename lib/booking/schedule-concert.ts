import { pool } from "../db";
import { NotFoundError } from "../errors";
import { queryRows, sql } from "../sql";
import { processCache } from "../ttl-cache";

// A date never moves to another concert: once read, an instance keeps the answer.
const concertOfSchedule = processCache<string, string>("booking.schedule-concerts", 100_000);

/** The concert a schedule belongs to: whose waiting room guards it. */
export function getScheduleConcertIdOrThrow(scheduleId: string): Promise<string> {
  return concertOfSchedule.getOrLoad(scheduleId, async () => {
    const [schedule] = await queryRows<{ concert_id: string }>(pool(), sql`SELECT concert_id FROM schedules WHERE id = ${scheduleId}::uuid`);
    if (!schedule) throw new NotFoundError("Schedule");
    return { value: schedule.concert_id, until: Infinity };
  });
}

/** The concert of the user's hold's date; anyone else's hold is not found. */
export async function getHoldConcertIdOrThrow(holdId: string, userId: string): Promise<string> {
  const [hold] = await queryRows<{ concert_id: string }>(
    pool(),
    sql`SELECT s.concert_id FROM holds h JOIN schedules s ON s.id = h.schedule_id WHERE h.id = ${holdId}::uuid AND h.user_id = ${userId}::uuid`,
  );
  if (!hold) throw new NotFoundError("Hold");
  return hold.concert_id;
}
