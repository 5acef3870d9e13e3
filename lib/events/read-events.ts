import { pool } from "../db";
import { executeInBatches, queryRows, sql, type Statement } from "../sql";
import type { DomainEvent, EventStream } from "./domain-event";

interface EventRow {
  position: string;
  type: string;
  schedule_id: string | null;
  concert_id: string | null;
  user_id: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
}

const toEvent = (row: EventRow): DomainEvent => ({
  position: Number(row.position),
  type: row.type,
  scheduleId: row.schedule_id,
  concertId: row.concert_id,
  userId: row.user_id,
  payload: row.payload,
  createdAt: row.created_at,
});

/** Every sequenced event after `after`, in order, at most `limit`. */
export async function eventsAfter(after: number, limit: number): Promise<DomainEvent[]> {
  const rows = await queryRows<EventRow>(
    pool(),
    sql`SELECT position, type, schedule_id, concert_id, user_id, payload, created_at FROM events
         WHERE position > ${after} ORDER BY position LIMIT ${limit}`,
  );
  return rows.map(toEvent);
}

/** One stream's sequenced events after `after`, in order, at most `limit` (each stream has its index). */
export async function streamEventsAfter(stream: EventStream, after: number, limit: number): Promise<DomainEvent[]> {
  const rows = await queryRows<EventRow>(pool(), streamStatement(stream, after, limit));
  return rows.map(toEvent);
}

function streamStatement(stream: EventStream, after: number, limit: number): Statement {
  if ("scheduleId" in stream) {
    return sql`SELECT position, type, schedule_id, concert_id, user_id, payload, created_at FROM events
                WHERE schedule_id = ${stream.scheduleId}::uuid AND position > ${after} ORDER BY position LIMIT ${limit}`;
  }
  if ("concertId" in stream) {
    return sql`SELECT position, type, schedule_id, concert_id, user_id, payload, created_at FROM events
                WHERE concert_id = ${stream.concertId}::uuid AND position > ${after} ORDER BY position LIMIT ${limit}`;
  }
  return sql`SELECT position, type, schedule_id, concert_id, user_id, payload, created_at FROM events
              WHERE user_id = ${stream.userId}::uuid AND position > ${after} ORDER BY position LIMIT ${limit}`;
}

/**
 * Whether everything after `after` is still kept: false once the purge took events a
 * reader at that position has not seen (it must start again from a fresh snapshot).
 */
export async function canResumeFrom(after: number): Promise<boolean> {
  const [row] = await queryRows<{ last_position: string; purged_through: string }>(pool(), sql`SELECT last_position, purged_through FROM event_sequence`);
  return row !== undefined && after >= Number(row.purged_through) && after <= Number(row.last_position);
}

/** The last position given: a snapshot read now has seen every event up to it. */
export async function lastEventPosition(): Promise<number> {
  const [row] = await queryRows<{ last_position: string }>(pool(), sql`SELECT last_position FROM event_sequence`);
  return Number(row?.last_position ?? 0);
}

const PURGE_BATCH = 5_000;

/**
 * Deletes numbered events older than the retention (the cron tick), in position order: the
 * mark moves first, so no stream resumes into a gap, then the rows go in batches.
 */
export async function purgeOldEvents(olderThan: Date): Promise<number> {
  const [row] = await queryRows<{ upto: string | null }>(
    pool(),
    sql`WITH oldest AS (SELECT max(position) AS upto FROM events WHERE created_at < ${olderThan} AND position IS NOT NULL)
        UPDATE event_sequence SET purged_through = greatest(purged_through, oldest.upto) FROM oldest
        RETURNING purged_through AS upto`,
  );
  const upto = Number(row?.upto ?? 0);
  return executeInBatches(
    pool(),
    PURGE_BATCH,
    sql`DELETE FROM events WHERE id IN (SELECT id FROM events WHERE position <= ${upto} ORDER BY position LIMIT ${PURGE_BATCH})`,
  );
}
