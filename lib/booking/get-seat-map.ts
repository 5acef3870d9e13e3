import { systemClock, type Clock } from "../clock";
import { pool } from "../db";
import { NotFoundError } from "../errors";
import type { SeatStatus, SeatStatusesView, SeatView } from "../schemas/booking";
import { queryRows, sql } from "../sql";
import { processCache } from "../ttl-cache";
import { keepUntil, seatStatusCache } from "./availability-cache";

// The hottest reads of a sale: every shopper refreshes the map every few seconds. A date's
// layout never changes once its seats exist, so it is read once per instance; the live part
// is one character per seat (availability-cache.ts), and the whole map's JSON is built once
// per change of those characters, not once per request.

interface Layout {
  concertId: string;
  startsAt: string;
  seats: Omit<SeatView, "status">[];
}

// A 50,000-seat layout is a few MB: keep the dates being sold, not every date ever read.
const layouts = processCache<string, Layout>("booking.layouts", 32);
const mapBodies = processCache<string, { statuses: string; body: Uint8Array<ArrayBuffer> }>("booking.map-bodies", 32);

const STATUS_OF: Record<string, SeatStatus> = { A: "AVAILABLE", H: "HELD", S: "SOLD" };

function layoutOf(scheduleId: string): Promise<Layout> {
  return layouts.getOrLoad(scheduleId, async () => {
    const rows = await queryRows<{ concert_id: string; starts_at: Date; seat: Omit<SeatView, "status"> | null }>(
      pool(),
      sql`
        SELECT s.concert_id, s.starts_at,
               CASE WHEN se.id IS NULL THEN NULL
                    ELSE json_build_object('id', se.id, 'section', se.section, 'row', se."row", 'number', se.number, 'tier', se.tier, 'price', se.price) END AS seat
          FROM schedules s LEFT JOIN seats se ON se.schedule_id = s.id
         WHERE s.id = ${scheduleId}::uuid
         ORDER BY se.section, se."row", se.number`,
    );
    if (!rows[0]) throw new NotFoundError("Schedule");
    const seats = rows.flatMap((row) => (row.seat ? [row.seat] : []));
    return { value: { concertId: rows[0].concert_id, startsAt: rows[0].starts_at.toISOString(), seats }, until: Infinity };
  });
}

/** The live statuses of a date's seats, in seat-map order (A available, H held, S sold); a lapsed hold is free. */
function statusesOf(scheduleId: string, clock: Clock): Promise<string> {
  return seatStatusCache.getOrLoad(scheduleId, async () => {
    const now = clock.now();
    const [row] = await queryRows<{ statuses: string | null; next_lapse: Date | null }>(
      pool(),
      sql`
        SELECT string_agg(CASE WHEN status = 'SOLD' THEN 'S' WHEN hold_expires_at > ${now} THEN 'H' ELSE 'A' END, ''
                          ORDER BY section, "row", number) AS statuses,
               min(hold_expires_at) FILTER (WHERE status <> 'SOLD' AND hold_expires_at > ${now}) AS next_lapse
          FROM seats WHERE schedule_id = ${scheduleId}::uuid`,
    );
    return { value: row?.statuses ?? "", until: keepUntil(now.getTime(), row?.next_lapse ?? null) };
  });
}

/**
 * The seat map of a date as UTF-8 JSON: every seat with its live status (who holds a seat
 * is never shown). Built and encoded once per change of the statuses, shared by every reader.
 */
export async function getSeatMapJson(scheduleId: string, clock: Clock = systemClock): Promise<Uint8Array<ArrayBuffer>> {
  const [layout, statuses] = await Promise.all([layoutOf(scheduleId), statusesOf(scheduleId, clock)]);
  const cached = mapBodies.get(scheduleId);
  if (cached?.statuses === statuses) return cached.body;
  const seats = layout.seats.map((seat, i) => ({ ...seat, status: STATUS_OF[statuses[i]!] ?? "AVAILABLE" }));
  const body = new TextEncoder().encode(JSON.stringify({ scheduleId, concertId: layout.concertId, startsAt: layout.startsAt, seats }));
  mapBodies.set(scheduleId, { statuses, body }, Infinity);
  return body;
}

/** Just the live statuses, one character per seat in the seat map's order: what a shopper's refresh needs. */
export async function getSeatStatuses(scheduleId: string, clock: Clock = systemClock): Promise<SeatStatusesView> {
  return { scheduleId, statuses: await statusesOf(scheduleId, clock) };
}
