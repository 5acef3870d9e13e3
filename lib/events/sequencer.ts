import type { Redis } from "@upstash/redis";
import { pool } from "../db";
import { redisClient } from "../redis";
import { queryRows, sql } from "../sql";
import { publishNumbered } from "./wake-ups";

const BATCH_SIZE = 1_000;
// Another instance is numbering right now, perhaps from a snapshot taken before our commit.
const BUSY_RETRY_MS = 25;
const BUSY_RETRIES = 40;

/**
 * Numbers committed events in the order they became visible (sequence_events, in the
 * domain_events migration) and wakes every instance's hub (NOTIFY, and Redis pub/sub when
 * Redis is configured). Null when another instance was numbering at the same moment.
 */
export async function sequenceEvents(redis: Redis | null = redisClient()): Promise<{ lastPosition: number; sequenced: number } | null> {
  const [row] = await queryRows<{ last_position: string | null; sequenced: number | null }>(
    pool(),
    sql`SELECT last_position, sequenced FROM sequence_events(${BATCH_SIZE})`,
  );
  if (!row || row.last_position === null) return null;
  const result = { lastPosition: Number(row.last_position), sequenced: row.sequenced ?? 0 };
  // sequence_events NOTIFYs; hubs that cannot LISTEN hear it from Redis.
  if (result.sequenced > 0) await publishNumbered(redis, result.lastPosition);
  return result;
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Changes committed on this instance wrote events: number them now rather than at the next
 * hub or cron pass. Calls made while a pass runs are folded into one more pass. Never
 * throws: a failure leaves the events for the next pass, and nothing is lost.
 */
export function eventsWritten(): void {
  if (running) {
    again = true;
    return;
  }
  running = drain().finally(() => {
    running = null;
  });
}

async function drain(): Promise<void> {
  await sequenceAllEvents(BUSY_RETRIES).catch((error: Error) =>
    console.error(JSON.stringify({ level: "warn", job: "sequence-events", message: error.message })),
  );
  // A call made meanwhile may have committed after the last batch was read: one more pass.
  if (again) {
    again = false;
    await drain();
  }
}

/**
 * Numbers everything committed so far (the cron tick, tests, a writer after its commit),
 * waiting out another sequencer at most `busyRetries` times; returns the last position, or
 * null when it gave up waiting (the other sequencer or the next pass numbers the rest).
 */
export async function sequenceAllEvents(): Promise<number>;
export async function sequenceAllEvents(busyRetries: number): Promise<number | null>;
export async function sequenceAllEvents(busyRetries = Number.POSITIVE_INFINITY): Promise<number | null> {
  for (let busy = 0; ; ) {
    const result = await sequenceEvents();
    if (result === null) {
      if (++busy > busyRetries) return null;
      await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
    } else if (result.sequenced < BATCH_SIZE) {
      return result.lastPosition;
    }
  }
}
