import { systemClock, type Clock } from "../clock";
import { pool } from "../db";
import { NotFoundError } from "../errors";
import type { BookableScheduleView } from "../schemas/booking";
import { queryRows, sql } from "../sql";
import { bookableDatesCache, keepUntil } from "./availability-cache";

/**
 * A concert's dates that can be booked now: on sale, not started, with a seat free.
 * A seat whose hold has lapsed counts as free, whether or not cron has released it.
 * Shared by every shopper of the concert for a moment (availability-cache.ts).
 */
export function listBookableSchedules(concertId: string, clock: Clock = systemClock): Promise<BookableScheduleView[]> {
  return bookableDatesCache.getOrLoad(concertId, async () => {
    const now = clock.now();
    const rows = await queryRows<{
      concert_exists: boolean;
      id: string | null;
      starts_at: Date;
      total: number;
      available: number;
      min_price: number;
      max_price: number;
      next_lapse: Date | null;
    }>(
      pool(),
      sql`
        SELECT true AS concert_exists, d.* FROM concerts c LEFT JOIN LATERAL (
          SELECT s.id, s.starts_at,
                 count(*)::int AS total,
                 count(*) FILTER (WHERE se.status = 'AVAILABLE' AND (se.hold_expires_at IS NULL OR se.hold_expires_at <= ${now}))::int AS available,
                 min(se.price)::int AS min_price, max(se.price)::int AS max_price,
                 min(se.hold_expires_at) FILTER (WHERE se.status = 'AVAILABLE' AND se.hold_expires_at > ${now}) AS next_lapse
            FROM schedules s JOIN seats se ON se.schedule_id = s.id
           WHERE s.concert_id = c.id AND s.sales_open_at <= ${now} AND s.starts_at > ${now}
           GROUP BY s.id
        ) d ON true
         WHERE c.id = ${concertId}::uuid
         ORDER BY d.starts_at`,
    );
    if (rows.length === 0) throw new NotFoundError("Concert");
    const bookable = rows.filter((r) => r.id !== null && r.available > 0);
    const nextLapse = rows.reduce<Date | null>((soonest, r) => (r.next_lapse && (!soonest || r.next_lapse < soonest) ? r.next_lapse : soonest), null);
    return {
      value: bookable.map((r) => ({
        id: r.id!,
        startsAt: r.starts_at.toISOString(),
        seats: { total: r.total, available: r.available },
        prices: { min: r.min_price, max: r.max_price },
      })),
      until: keepUntil(now.getTime(), nextLapse),
    };
  });
}
