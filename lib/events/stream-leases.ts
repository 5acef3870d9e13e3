import { randomUUID } from "node:crypto";
import { pool } from "../db";
import { execute, inSqlTransaction, queryRows, sql } from "../sql";

// A lease lasts this long unless renewed; its instance renews all of its leases at once,
// three times per lease, so one missed renewal loses nothing and a dead instance's
// streams stop counting within a minute.
const LEASE_SECONDS = 60;
const RENEW_MS = 20_000;

const held = new Set<string>();
let renewal: NodeJS.Timeout | null = null;

/**
 * Takes one of the account's `cap` stream places, across every instance: the id to give
 * back, or null when all are taken. Leases of one account are taken one at a time (its
 * user row's lock), so racing streams cannot both take the last one.
 */
export async function acquireStreamLease(userId: string, cap: number): Promise<string | null> {
  const id = randomUUID();
  const taken = await inSqlTransaction(pool(), async (tx) => {
    await execute(tx, sql`SELECT 1 FROM users WHERE id = ${userId}::uuid FOR NO KEY UPDATE`);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO event_stream_leases (id, user_id, expires_at)
          SELECT ${id}::uuid, ${userId}::uuid, now() + make_interval(secs => ${LEASE_SECONDS})
           WHERE (SELECT count(*) FROM event_stream_leases WHERE user_id = ${userId}::uuid AND expires_at > now()) < ${cap}
          RETURNING id`,
    );
    return row !== undefined;
  });
  if (!taken) return null;
  held.add(id);
  renewal ??= setInterval(() => void renewHeld(), RENEW_MS);
  renewal.unref();
  return id;
}

/** Gives a stream's place back (best effort: an unreturned one lapses). */
export async function releaseStreamLease(id: string): Promise<void> {
  held.delete(id);
  if (!held.size && renewal) {
    clearInterval(renewal);
    renewal = null;
  }
  await execute(pool(), sql`DELETE FROM event_stream_leases WHERE id = ${id}::uuid`).catch(warn);
}

async function renewHeld(): Promise<void> {
  await execute(pool(), sql`UPDATE event_stream_leases SET expires_at = now() + make_interval(secs => ${LEASE_SECONDS}) WHERE id = ANY(${[...held]}::uuid[])`).catch(warn);
}

/** Deletes lapsed leases (the cron tick). */
export function purgeLapsedStreamLeases(): Promise<number> {
  return execute(pool(), sql`DELETE FROM event_stream_leases WHERE expires_at <= now()`);
}

function warn(error: Error): void {
  console.error(JSON.stringify({ level: "warn", job: "stream-leases", message: error.message }));
}
