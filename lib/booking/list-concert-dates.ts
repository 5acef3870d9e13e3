import { systemClock, type Clock } from "../clock";
import { pool } from "../db";
import { NotFoundError } from "../errors";
import type { BookableScheduleView, ConcertDateView } from "../schemas/booking";
import { queryRows, sql } from "../sql";
import { concertDatesCache, keepUntil } from "./availability-cache";
import { availabilityOf } from "./date-availability";

/**
 * Every upcoming date of a concert, with when its sale opens, its prices and free seats;
 * public, so fans see what is on offer before they join the line. A seat whose hold has
 * lapsed counts as free, whether or not cron has released it. Shared by every reader of
 * the concert for a moment (availability-cache.ts), and never kept past a sale opening.
 */
export function listConcertDates(concertId: string, clock: Clock = systemClock): Promise<ConcertDateView[]> {
  return concertDatesCache.getOrLoad(concertId, async () => {
    const now = clock.now();
    const rows = await queryRows<{
      id: string | null;
      starts_at: Date;
      sales_open_at: Date;
      total: number;
      available: number;
      min_price: number;
      max_price: number;
      next_lapse: Date | null;
      cancelled: boolean;
    }>(
      pool(),
      sql`
        SELECT d.*, c.status = 'CANCELLED' AS cancelled FROM concerts c LEFT JOIN LATERAL (
          SELECT s.id, s.starts_at, s.sales_open_at,
                 count(*)::int AS total,
                 count(*) FILTER (WHERE se.status = 'AVAILABLE' AND (se.hold_expires_at IS NULL OR se.hold_expires_at <= ${now}))::int AS available,
                 min(se.price)::int AS min_price, max(se.price)::int AS max_price,
                 min(se.hold_expires_at) FILTER (WHERE se.status = 'AVAILABLE' AND se.hold_expires_at > ${now}) AS next_lapse
            FROM schedules s JOIN seats se ON se.schedule_id = s.id
           WHERE s.concert_id = c.id AND s.starts_at > ${now}
           GROUP BY s.id
        ) d ON true
         WHERE c.id = ${concertId}::uuid AND c.status <> 'DRAFT'
         ORDER BY d.starts_at`,
    );
    if (rows.length === 0) throw new NotFoundError("Concert");
    const dates = rows.filter((r) => r.id !== null);
    // Kept until the next lapse or sale opening it knows of, whichever comes first.
    const nextChange = dates
      .flatMap((r) => [r.next_lapse, r.sales_open_at > now ? r.sales_open_at : null])
      .reduce<Date | null>((soonest, at) => (at && (!soonest || at < soonest) ? at : soonest), null);
    return {
      value: dates.map((r) => {
        const date = {
          id: r.id!,
          startsAt: r.starts_at.toISOString(),
          salesOpenAt: r.sales_open_at.toISOString(),
          onSale: !r.cancelled && r.sales_open_at <= now,
          seats: { total: r.total, available: r.available },
          prices: { min: r.min_price, max: r.max_price },
        };
        return { ...date, availability: availabilityOf(date) };
      }),
      until: keepUntil(now.getTime(), nextChange),
    };
  });
}

/** The dates that can be booked now: on sale, not started, with a seat free. */
export async function listBookableSchedules(concertId: string, clock: Clock = systemClock): Promise<BookableScheduleView[]> {
  const dates = await listConcertDates(concertId, clock);
  return dates.filter((d) => d.onSale && d.seats.available > 0).map(({ id, startsAt, seats, prices }) => ({ id, startsAt, seats, prices }));
}
