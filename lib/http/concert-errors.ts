import { pool } from "../db";
import { execute, sql } from "../sql";

// Server errors answered to a concert's shoppers, per minute, for the organizer's dashboard.
// Counting must cost a failing request nothing more that could fail: each instance counts in
// memory and adds its counts to concert_error_minutes every few seconds, in one statement.

const FLUSH_EVERY_MS = 5_000;
const pending = new Map<string, number>(); // "concertId minuteIso" → errors
let timer: ReturnType<typeof setInterval> | null = null;

const minuteOf = (at: Date) => new Date(Math.floor(at.getTime() / 60_000) * 60_000);

/** One more server error answered to a shopper of this concert. */
export function countConcertError(concertId: string, at = new Date()): void {
  const key = `${concertId} ${minuteOf(at).toISOString()}`;
  pending.set(key, (pending.get(key) ?? 0) + 1);
  timer ??= setInterval(() => void flushConcertErrors(), FLUSH_EVERY_MS).unref();
}

/** Adds this instance's counts to the table; counts that could not be written wait for the next try. */
export async function flushConcertErrors(): Promise<void> {
  if (!pending.size) return;
  const counts = [...pending];
  pending.clear();
  try {
    await execute(pool(), sql`
      INSERT INTO concert_error_minutes (concert_id, minute, errors)
      SELECT * FROM unnest(${counts.map(([key]) => key.split(" ")[0]!)}::uuid[], ${counts.map(([key]) => key.split(" ")[1]!)}::timestamptz[], ${counts.map(([, n]) => n)}::int[])
      ON CONFLICT (concert_id, minute) DO UPDATE SET errors = concert_error_minutes.errors + EXCLUDED.errors`);
  } catch {
    for (const [key, n] of counts) pending.set(key, (pending.get(key) ?? 0) + n);
  }
}

/** Counts older than this are purged by cron. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export function purgeConcertErrors(now = new Date()): Promise<number> {
  return execute(pool(), sql`DELETE FROM concert_error_minutes WHERE minute < ${new Date(now.getTime() - KEEP_MS)}`);
}
