import { systemClock, type Clock } from "../clock";
import { pool } from "../db";
import { DomainError, SeatUnavailableError } from "../errors";
import type { BestAvailableBody, HoldView } from "../schemas/booking";
import { queryRows, sql } from "../sql";
import { createHold } from "./create-hold";

// Others may claim the seats between the pick and the hold: a block is picked afresh,
// leaving out seats already lost. In a rush everyone wants the same best block, so each
// retry draws from a wider set of the best (2, 4, 8 … blocks): the herd spreads over the
// house instead of colliding block after block. A lost race costs little: a seat being
// claimed is refused at once (create_hold's NOWAIT).
const ATTEMPTS = 8;
const WIDEST_DRAW = 16;

/**
 * The best `count` adjacent free seats of a date within a price range, leaving out
 * `lost`, as up to `among` candidate blocks, best first: the dearest seats (the
 * organiser's own ranking of the house), then the front row, then the block nearest the
 * middle of its row. One statement: the free seats are
 * cut into runs of consecutive numbers per row, and every stretch of `count` inside a run
 * is a candidate.
 */
async function bestBlocks(input: BestAvailableBody, now: Date, lost: string[], among: number): Promise<string[][]> {
  const rows = await queryRows<{ ids: string[] }>(
    pool(),
    sql`WITH free AS (
          SELECT id, section, "row", number, price,
                 number - row_number() OVER (PARTITION BY section, "row" ORDER BY number) AS run
            FROM seats
           WHERE schedule_id = ${input.scheduleId}::uuid AND status = 'AVAILABLE'
             AND (hold_expires_at IS NULL OR hold_expires_at <= ${now}::timestamptz)
             AND price BETWEEN ${input.minPrice ?? 0}::int AND ${input.maxPrice ?? 2_147_483_647}::int
             AND NOT (id = ANY(${lost}::uuid[]))
        ), stretches AS (
          SELECT section, "row", price, number AS first,
                 array_agg(id) OVER stretch AS ids, count(*) OVER stretch AS seats
            FROM free
          WINDOW stretch AS (PARTITION BY section, "row", run ORDER BY number ROWS BETWEEN CURRENT ROW AND ${input.count - 1}::int FOLLOWING)
        ), centres AS (
          SELECT section, "row", (min(number) + max(number)) / 2.0 AS centre
            FROM seats WHERE schedule_id = ${input.scheduleId}::uuid GROUP BY section, "row"
        )
        SELECT s.ids FROM stretches s JOIN centres c USING (section, "row")
         WHERE s.seats = ${input.count}::int
         ORDER BY s.price DESC, length(s."row"), s."row", abs(s.first + (${input.count}::int - 1) / 2.0 - c.centre), s.section, s.first
         LIMIT ${among}::int`,
  );
  return rows.map((row) => row.ids);
}

/**
 * Holds the best `count` adjacent seats the server can find within the price range, with
 * the same guarantees as picking them by hand (createHold decides, all or nothing).
 */
export async function holdBestAvailable(
  userId: string,
  input: BestAvailableBody,
  options: { clock?: Clock; ttlSeconds?: number; shoppingEndsAt?: Date } = {},
): Promise<HoldView> {
  const now = (options.clock ?? systemClock).now();
  const lost: string[] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const blocks = await bestBlocks(input, now, lost, Math.min(2 ** attempt, WIDEST_DRAW));
    if (blocks.length === 0) break;
    const seatIds = blocks[Math.floor(Math.random() * blocks.length)]!;
    try {
      return await createHold(userId, { scheduleId: input.scheduleId, seatIds }, options);
    } catch (error) {
      if (!(error instanceof SeatUnavailableError)) throw error;
      lost.push(...error.seatIds); // the seats named as taken; the rest of the block may still serve
    }
  }
  throw new DomainError(
    "SEAT_UNAVAILABLE",
    `No ${input.count} seats side by side are free${input.minPrice || input.maxPrice ? " in that price range" : ""} right now. Try fewer seats or another range.`,
  );
}
