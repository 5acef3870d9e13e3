import { systemClock, type Clock } from "../clock";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { SeatMapView, SeatStatusesView, SeatView } from "../schemas/booking";

/**
 * Every seat of a date with its live status: a lapsed hold is already free, and who
 * holds a seat is never shown. The hottest read of a sale (every shopper refreshes it
 * every few seconds), so it is one plain query with the status computed in SQL.
 */
export async function getSeatMap(scheduleId: string, clock: Clock = systemClock): Promise<SeatMapView> {
  const now = clock.now();
  const [schedule] = await db.$queryRaw<{ concert_id: string; starts_at: Date }[]>`
    SELECT concert_id, starts_at FROM schedules WHERE id = ${scheduleId}::uuid`;
  if (!schedule) throw new NotFoundError("Schedule");
  const seats = await db.$queryRaw<SeatView[]>`
    SELECT id, section, "row", number, tier, price,
           CASE WHEN status = 'SOLD' THEN 'SOLD'
                WHEN hold_expires_at > ${now} THEN 'HELD'
                ELSE 'AVAILABLE' END AS status
      FROM seats WHERE schedule_id = ${scheduleId}::uuid
     ORDER BY section, "row", number`;
  return { scheduleId, concertId: schedule.concert_id, startsAt: schedule.starts_at.toISOString(), seats };
}

/**
 * Just the live statuses, one character per seat in the seat map's order: what a shopper's
 * refresh needs, at a fraction of the full map's cost (the layout never changes).
 */
export async function getSeatStatuses(scheduleId: string, clock: Clock = systemClock): Promise<SeatStatusesView> {
  const now = clock.now();
  const [row] = await db.$queryRaw<{ statuses: string | null }[]>`
    SELECT string_agg(CASE WHEN status = 'SOLD' THEN 'S' WHEN hold_expires_at > ${now} THEN 'H' ELSE 'A' END, ''
                      ORDER BY section, "row", number) AS statuses
      FROM seats WHERE schedule_id = ${scheduleId}::uuid`;
  return { scheduleId, statuses: row?.statuses ?? "" };
}
