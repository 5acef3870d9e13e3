import { execute, queryRows, sql, type Queryable } from "../sql";
import {
  ADMIT_GRACE_SECONDS,
  ADMIT_INTERVAL_MS,
  type ClosedPreQueue,
  type EnteredPoll,
  type EntryStatus,
  type QueueCensus,
  type QueueCounters,
  type QueuePoll,
  type QueueSettings,
  type QueueStore,
} from "./queue-store";

// Each method is one statement (placing a draw, a few side by side), straight through the
// pg pool: the queue_* functions of the migrations lock the concert's counter row where
// ordering matters.

interface PollRow {
  entry_number: number | null;
  status: string | null;
  active_until: Date | null;
  serving: number;
  last_number: number;
  admit_rate: number;
  entry_id: string | null;
  paused: boolean;
}

/** Drawn entries numbered per statement (chunks run side by side). */
const PLACE_CHUNK = 25_000;

export class PostgresQueueStore implements QueueStore {
  constructor(private readonly db: Queryable) {}

  async enter(concertId: string, userId: string, settings: QueueSettings, now: Date, preQueueEntryId?: string): Promise<EnteredPoll> {
    const [row] = await queryRows<PollRow & { created: boolean }>(
      this.db,
      sql`
      SELECT * FROM queue_enter(${concertId}::uuid, ${userId}::uuid, ${now}::timestamptz,
        ${settings.activeLimit}::int, ${settings.admitPerTick}::int, ${settings.activeTtlSeconds}::int,
        ${ADMIT_INTERVAL_MS}::int, ${ADMIT_GRACE_SECONDS}::int, ${settings.version ?? null}::int,
        ${settings.abandonAfterSeconds ?? null}::int, ${preQueueEntryId ?? null}::text)`,
    );
    const polled = toPoll(row);
    return { ...polled, entry: polled.entry!, created: row!.created };
  }

  async poll(concertId: string, userId: string, number: number, now: Date): Promise<QueuePoll> {
    const [row] = await queryRows<PollRow>(
      this.db,
      sql`
      SELECT * FROM queue_poll(${concertId}::uuid, ${userId}::uuid, ${number}::int, ${now}::timestamptz,
        ${ADMIT_INTERVAL_MS}::int, ${ADMIT_GRACE_SECONDS}::int)`,
    );
    return toPoll(row);
  }

  async admit(concertId: string, now: Date, { force, settings }: { force: boolean; settings?: QueueSettings }) {
    const [row] = await queryRows<{ admitted: number; serving: number }>(
      this.db,
      sql`
      SELECT * FROM queue_admit(${concertId}::uuid, ${now}::timestamptz, ${force}, ${ADMIT_INTERVAL_MS}::int,
        ${ADMIT_GRACE_SECONDS}::int, ${settings?.activeLimit ?? null}::int, ${settings?.admitPerTick ?? null}::int,
        ${settings?.activeTtlSeconds ?? null}::int, ${settings?.version ?? null}::int,
        ${settings?.abandonAfterSeconds ?? null}::int)`,
    );
    return row ?? null;
  }

  async closePreQueue(concertId: string, settings: QueueSettings): Promise<ClosedPreQueue> {
    const [row] = await queryRows<{ first_number: number; entry_ids: string[] }>(
      this.db,
      sql`
      SELECT * FROM queue_close_pre_queue(${concertId}::uuid, ${settings.activeLimit}::int, ${settings.admitPerTick}::int,
        ${settings.activeTtlSeconds}::int)`,
    );
    return { firstNumber: row!.first_number, entryIds: row!.entry_ids };
  }

  async placeDrawn(concertId: string, drawnEntryIds: readonly string[], now: Date): Promise<void> {
    // Chunks numbered side by side on separate connections: at 100,000 entries the index
    // upkeep of the update is most of the draw, and it spreads over the cores. Each chunk
    // skips entries already placed (or left), so a draw taken over redoes only what is missing.
    const chunks = [];
    for (let offset = 0; offset < drawnEntryIds.length; offset += PLACE_CHUNK) chunks.push(offset);
    await Promise.all(
      chunks.map((offset) =>
        execute(
          this.db,
          sql`
          WITH list AS (SELECT first_number FROM queue_draw_lists WHERE concert_id = ${concertId}::uuid),
               drawn AS (SELECT d.entry_id, (list.first_number + ${offset}::int + d.ord - 1)::int AS number
                           FROM list, unnest(${drawnEntryIds.slice(offset, offset + PLACE_CHUNK) as string[]}::text[]) WITH ORDINALITY AS d(entry_id, ord))
          UPDATE queue_entries e SET number = drawn.number, status = 'WAITING', last_seen_at = ${now}::timestamptz
            FROM drawn WHERE e.concert_id = ${concertId}::uuid AND e.entry_id = drawn.entry_id AND e.status = 'PRE_QUEUE'`,
        ),
      ),
    );
    // Only now may admission start: every drawn entry has its number (a place left since is a gap).
    await execute(this.db, sql`UPDATE queue_counters SET draw_pending = false WHERE concert_id = ${concertId}::uuid`);
  }

  async release(concertId: string, userId: string, number: number) {
    const count = await execute(
      this.db,
      sql`
      UPDATE queue_entries SET status = 'LEFT', active_until = NULL
       WHERE concert_id = ${concertId}::uuid AND user_id = ${userId}::uuid
         -- Number 0: the pre-queue place, whether or not the draw has numbered it yet.
         AND (number = ${number} OR (${number}::int = 0 AND entry_id IS NOT NULL))
         AND status IN ('PRE_QUEUE', 'WAITING', 'ADMITTED', 'ACTIVE', 'ABANDONED')`,
    );
    return count > 0;
  }

  /** PostgreSQL keeps every place: nothing is ever lost to give back. */
  async resume() {
    return false;
  }

  async activeUntil(concertId: string, userId: string, number: number, now: Date) {
    const [row] = await queryRows<{ active_until: Date }>(
      this.db,
      sql`
      SELECT active_until FROM queue_entries
       WHERE concert_id = ${concertId}::uuid AND user_id = ${userId}::uuid AND number = ${number}
         AND status = 'ACTIVE' AND active_until > ${now}::timestamptz`,
    );
    return row?.active_until ?? null;
  }

  async counters(concertId: string): Promise<QueueCounters> {
    const [row] = await queryRows<{ serving: number; last_number: number; admit_rate: number; paused: boolean }>(
      this.db,
      sql`
      SELECT serving, last_number, admit_rate, admit_per_tick = 0 AS paused FROM queue_counters WHERE concert_id = ${concertId}::uuid`,
    );
    return { serving: row?.serving ?? 0, lastNumber: row?.last_number ?? 0, admitRate: row?.admit_rate ?? 0, paused: row?.paused ?? false };
  }

  async census(concertId: string, now: Date): Promise<QueueCensus> {
    const [row] = await queryRows<QueueCensus>(
      this.db,
      sql`
      SELECT count(*) FILTER (WHERE status = 'PRE_QUEUE')::int AS "preQueue",
             count(*) FILTER (WHERE status = 'WAITING')::int AS waiting,
             count(*) FILTER (WHERE status = 'ADMITTED' AND active_until > ${now}::timestamptz)::int AS admitted,
             count(*) FILTER (WHERE status = 'ACTIVE' AND active_until > ${now}::timestamptz)::int AS active
        FROM queue_entries WHERE concert_id = ${concertId}::uuid AND status IN ('PRE_QUEUE', 'WAITING', 'ADMITTED', 'ACTIVE')`,
    );
    return row!;
  }
}

const STATUSES: Record<string, EntryStatus> = { PRE_QUEUE: "PRE_QUEUE", WAITING: "WAITING", ACTIVE: "ACTIVE" };

function toPoll(row: PollRow | undefined): QueuePoll {
  if (!row) return { serving: 0, lastNumber: 0, admitRate: 0, paused: false, entry: null };
  const live = row.status !== null && row.status !== "LEFT";
  return {
    serving: row.serving,
    lastNumber: row.last_number,
    admitRate: row.admit_rate,
    paused: row.paused,
    entry: live
      ? {
          number: row.entry_number,
          // A poll turns ADMITTED into ACTIVE and takes an ABANDONED place back: neither is left to show.
          status: STATUSES[row.status!] ?? "EXPIRED",
          activeUntil: row.status === "ACTIVE" ? row.active_until : null,
          entryId: row.entry_id,
        }
      : null,
  };
}
