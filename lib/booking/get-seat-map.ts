import { systemClock, type Clock } from "../clock";
import { pool } from "../db";
import { NotFoundError } from "../errors";
import type { SeatStatus, SeatStatusesView, SeatView } from "../schemas/booking";
import { queryRows, sql } from "../sql";
import { processCache } from "../ttl-cache";
import { keepUntil, seatStatusCache, type SeatStatuses } from "./availability-cache";

// The hottest reads of a sale: every shopper refreshes the map every few seconds. A date's
// seats never move once they exist, so they are read once per instance, until the date's
// revision (counting price changes) moves on; the live part is one character per seat
// (availability-cache.ts), and the whole map's JSON is built once per change of those
// characters, not once per request.

interface Layout {
  concertId: string;
  startsAt: string;
  layoutVersion: number;
  revision: number;
  seats: Omit<SeatView, "status">[];
}

// A 50,000-seat layout is a few MB: keep the dates being sold, not every date ever read.
const layouts = processCache<string, Layout>("booking.layouts", 32);
const mapBodies = processCache<string, { statuses: string; revision: number; body: Uint8Array<ArrayBuffer> }>("booking.map-bodies", 32);

const STATUS_OF: Record<string, SeatStatus> = { A: "AVAILABLE", H: "HELD", S: "SOLD" };

function layoutOf(scheduleId: string): Promise<Layout> {
  return layouts.getOrLoad(scheduleId, async () => {
    const rows = await queryRows<{ concert_id: string; starts_at: Date; layout_version: number | null; seats_revision: number; seat: Omit<SeatView, "status"> | null }>(
      pool(),
      sql`
        SELECT s.concert_id, s.starts_at, s.layout_version, s.seats_revision,
               CASE WHEN se.id IS NULL THEN NULL
                    ELSE json_build_object('id', se.id, 'section', se.section, 'row', se."row", 'number', se.number, 'tier', se.tier, 'price', se.price) END AS seat
          FROM schedules s JOIN concerts c ON c.id = s.concert_id AND c.status <> 'DRAFT'
          LEFT JOIN seats se ON se.schedule_id = s.id
         WHERE s.id = ${scheduleId}::uuid
         ORDER BY se.section, se."row", se.number`,
    );
    const first = rows[0];
    if (!first) throw new NotFoundError("Schedule");
    const seats = rows.flatMap((row) => (row.seat ? [row.seat] : []));
    const layout = { concertId: first.concert_id, startsAt: first.starts_at.toISOString(), layoutVersion: first.layout_version ?? 1, revision: first.seats_revision, seats };
    return { value: layout, until: Infinity };
  });
}

/**
 * The live statuses of a date's seats, in seat-map order (A available, H held, S sold; a
 * lapsed hold is free), with the revision of the seats they are statuses of.
 */
function statusesOf(scheduleId: string, clock: Clock): Promise<SeatStatuses> {
  return seatStatusCache.getOrLoad(scheduleId, async () => {
    const now = clock.now();
    const [row] = await queryRows<{ statuses: string | null; next_lapse: Date | null; revision: number | null; layout_version: number | null; position: string }>(
      pool(),
      sql`
        SELECT string_agg(CASE WHEN status = 'SOLD' THEN 'S' WHEN hold_expires_at > ${now} THEN 'H' ELSE 'A' END, ''
                          ORDER BY section, "row", number) AS statuses,
               min(hold_expires_at) FILTER (WHERE status <> 'SOLD' AND hold_expires_at > ${now}) AS next_lapse,
               (SELECT seats_revision FROM schedules WHERE id = ${scheduleId}::uuid) AS revision,
               (SELECT layout_version FROM schedules WHERE id = ${scheduleId}::uuid) AS layout_version,
               (SELECT last_position FROM event_sequence) AS position
          FROM seats WHERE schedule_id = ${scheduleId}::uuid`,
    );
    const value = { statuses: row?.statuses ?? "", revision: row?.revision ?? 1, layoutVersion: row?.layout_version ?? 1, position: Number(row?.position ?? 0) };
    return { value, until: keepUntil(now.getTime(), row?.next_lapse ?? null) };
  });
}

/** The date's seats, read again when their revision moved on since this instance read them. */
async function currentLayoutOf(scheduleId: string, revision: number): Promise<Layout> {
  const layout = await layoutOf(scheduleId);
  if (layout.revision >= revision) return layout;
  layouts.delete(scheduleId);
  return layoutOf(scheduleId);
}

/**
 * The seat map of a date as UTF-8 JSON: every seat with its live status (who holds a seat
 * is never shown). Built and encoded once per change of the statuses, shared by every reader.
 */
export async function getSeatMapJson(scheduleId: string, clock: Clock = systemClock): Promise<Uint8Array<ArrayBuffer>> {
  const [{ statuses, revision }] = await Promise.all([statusesOf(scheduleId, clock), layoutOf(scheduleId)]);
  const layout = await currentLayoutOf(scheduleId, revision);
  const cached = mapBodies.get(scheduleId);
  if (cached?.statuses === statuses && cached.revision === layout.revision) return cached.body;
  const seats = layout.seats.map((seat, i) => ({ ...seat, status: STATUS_OF[statuses[i]!] ?? "AVAILABLE" }));
  const { concertId, startsAt, layoutVersion } = layout;
  const body = new TextEncoder().encode(JSON.stringify({ scheduleId, concertId, startsAt, layoutVersion, revision: layout.revision, seats }));
  mapBodies.set(scheduleId, { statuses, revision: layout.revision, body }, Infinity);
  return body;
}

/**
 * Just the live statuses, one character per seat in the seat map's order: what a shopper's
 * refresh needs, with the revision of the seats, so a client holding an older map loads it again.
 */
export async function getSeatStatuses(scheduleId: string, clock: Clock = systemClock): Promise<SeatStatusesView> {
  const { view } = await getSeatStatusesSnapshot(scheduleId, clock);
  return view;
}

/** The live statuses with the event position they are as of: a seat stream goes on from there. */
export async function getSeatStatusesSnapshot(scheduleId: string, clock: Clock = systemClock): Promise<{ view: SeatStatusesView; position: number }> {
  // From the statuses' own read: a refresh never needs the (large) seat list.
  const { statuses, revision, layoutVersion, position } = await statusesOf(scheduleId, clock);
  return { view: { scheduleId, layoutVersion, revision, statuses }, position };
}

/** When each live hold on the date's seats lapses, by seat id. */
export async function heldSeatLapses(scheduleId: string, clock: Clock = systemClock): Promise<Record<string, string>> {
  const rows = await queryRows<{ id: string; until: string }>(
    pool(),
    sql`SELECT id, to_char(hold_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS until FROM seats
         WHERE hold_expires_at > ${clock.now()} AND schedule_id = ${scheduleId}::uuid AND status <> 'SOLD'`,
  );
  return Object.fromEntries(rows.map((row) => [row.id, row.until]));
}
