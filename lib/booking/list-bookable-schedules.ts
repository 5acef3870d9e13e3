import { systemClock, type Clock } from "../clock";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { BookableScheduleView } from "../schemas/booking";

/**
 * A concert's dates that can be booked now: on sale, not started, with a seat free.
 * A seat whose hold has lapsed counts as free, whether or not cron has released it.
 */
export async function listBookableSchedules(concertId: string, clock: Clock = systemClock): Promise<BookableScheduleView[]> {
  const now = clock.now();
  const rows = await db.$queryRaw<{ id: string; starts_at: Date; total: number; available: number; min_price: number; max_price: number }[]>`
    SELECT s.id, s.starts_at,
           count(*)::int AS total,
           count(*) FILTER (WHERE se.status = 'AVAILABLE' AND (se.hold_expires_at IS NULL OR se.hold_expires_at <= ${now}))::int AS available,
           min(se.price)::int AS min_price, max(se.price)::int AS max_price
      FROM schedules s JOIN seats se ON se.schedule_id = s.id
     WHERE s.concert_id = ${concertId}::uuid AND s.sales_open_at <= ${now} AND s.starts_at > ${now}
     GROUP BY s.id
    HAVING count(*) FILTER (WHERE se.status = 'AVAILABLE' AND (se.hold_expires_at IS NULL OR se.hold_expires_at <= ${now})) > 0
     ORDER BY s.starts_at`;
  if (rows.length === 0 && !(await db.concert.findUnique({ where: { id: concertId }, select: { id: true } }))) {
    throw new NotFoundError("Concert");
  }
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at.toISOString(),
    seats: { total: r.total, available: r.available },
    prices: { min: r.min_price, max: r.max_price },
  }));
}
