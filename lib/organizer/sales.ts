import { pool } from "../db";
import { ValidationError } from "../errors";
import { decodeCursor, encodeCursor, newestFirstCursor, type Page } from "../pagination";
import type { SaleView, SalesQuery } from "../schemas/organizer-dashboard";
import { queryRows, sql } from "../sql";
import { requireConcertMember } from "./concerts";

// A concert's sales for its organizers: orders newest first, searchable, and every ticket
// as CSV. Sales are found through their tickets (reservations are indexed by date).

/** `q` as a LIKE pattern matching it anywhere, its own % and _ taken literally. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface SaleRow {
  id: string;
  order_number: string;
  paid_at: Date;
  amount: number;
  name: string;
  email: string;
  schedule_id: string;
  starts_at: Date;
  seats: SaleView["seats"];
}

/** One page of the concert's orders, newest first; `q` matches part of an order number, email or name (any member). */
export async function listSales(actorId: string, concertId: string, query: SalesQuery): Promise<Page<SaleView>> {
  await requireConcertMember(actorId, concertId, "read");
  const after = query.cursor ? decodeCursor(query.cursor, newestFirstCursor) : undefined;
  if (after === null) throw new ValidationError([{ field: "query.cursor", message: "is not a cursor from this API" }]);
  const pattern = query.q ? containing(query.q) : null;
  const rows = await queryRows<SaleRow>(
    pool(),
    sql`
    SELECT p.id, p.order_number, p.created_at AS paid_at, p.amount, u.name, u.email, s.id AS schedule_id, s.starts_at,
           json_agg(json_build_object('section', se.section, 'row', se."row", 'number', se.number, 'tier', se.tier, 'price', r.price)
                    ORDER BY se.section, se."row", se.number) AS seats
      FROM schedules s
      JOIN reservations r ON r.schedule_id = s.id
      JOIN payments p ON p.id = r.payment_id
      JOIN users u ON u.id = p.user_id
      JOIN seats se ON se.id = r.seat_id
     WHERE s.concert_id = ${concertId}::uuid
       AND (${after?.at ?? null}::timestamptz IS NULL OR (p.created_at, p.id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
       AND (${pattern}::text IS NULL OR p.order_number ILIKE ${pattern} OR u.email ILIKE ${pattern} OR u.name ILIKE ${pattern})
     GROUP BY p.id, u.id, s.id
     ORDER BY p.created_at DESC, p.id DESC
     LIMIT ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      orderNumber: row.order_number,
      paidAt: row.paid_at.toISOString(),
      buyer: { name: row.name, email: row.email },
      scheduleId: row.schedule_id,
      startsAt: row.starts_at.toISOString(),
      amount: row.amount,
      seats: row.seats,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.paid_at.toISOString(), id: last.id }) : null,
  };
}

const CSV_HEADER = ["order", "paid_at", "buyer_name", "buyer_email", "starts_at", "section", "row", "seat", "tier", "price", "ticket_code"];
const BATCH = 2_000;

/**
 * A CSV cell: quoted when it holds a comma, quote or line break; a value a spreadsheet would
 * run as a formula (= + - @ at the start) is prefixed with ' so it is shown as text.
 */
function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface TicketRow {
  id: string;
  created_at: Date;
  order_number: string;
  name: string;
  email: string;
  starts_at: Date;
  section: string;
  row: string;
  number: number;
  tier: string;
  price: number;
  code: string;
}

/**
 * Every ticket of the concert as CSV, oldest first, read in batches while it is sent: a
 * sale of 100,000 tickets never sits in memory whole (any member; checked before the first byte).
 * Each batch reads what has committed by then: an export taken during a sale is not a
 * snapshot, and a payment committing as a batch passes its time may be missed; export again.
 */
export async function salesCsv(actorId: string, concertId: string): Promise<ReadableStream<Uint8Array>> {
  await requireConcertMember(actorId, concertId, "read");
  const encoder = new TextEncoder();
  let after: { at: Date; id: string } | null = null;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        // A byte-order mark first: spreadsheets then read the file as UTF-8 (Korean names).
        controller.enqueue(encoder.encode(`\uFEFF${CSV_HEADER.join(",")}\r\n`));
        return;
      }
      const rows: TicketRow[] = await queryRows<TicketRow>(
        pool(),
        sql`
        SELECT r.id, r.created_at, p.order_number, u.name, u.email, s.starts_at, se.section, se."row", se.number, se.tier, r.price, r.code
          FROM schedules s
          JOIN reservations r ON r.schedule_id = s.id
          JOIN payments p ON p.id = r.payment_id
          JOIN users u ON u.id = r.user_id
          JOIN seats se ON se.id = r.seat_id
         WHERE s.concert_id = ${concertId}::uuid
           AND (${after?.at ?? null}::timestamptz IS NULL OR (r.created_at, r.id) > (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
         ORDER BY r.created_at, r.id
         LIMIT ${BATCH}`,
      );
      const lines = rows.map((t) =>
        [t.order_number, t.created_at.toISOString(), t.name, t.email, t.starts_at.toISOString(), t.section, t.row, t.number, t.tier, t.price, t.code].map(cell).join(","),
      );
      if (lines.length) controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
      const last = rows.at(-1);
      if (rows.length < BATCH || !last) controller.close();
      else after = { at: last.created_at, id: last.id };
    },
  });
}
