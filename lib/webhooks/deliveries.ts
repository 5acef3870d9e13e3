import { pool } from "../db";
import { env } from "../env";
import { executeInBatches, queryRows, sql } from "../sql";
import { postWebhook, WEBHOOK_TIMEOUT_MS } from "./post-webhook";
import { webhookHeaders } from "./signature";

// Seconds to wait after each failed attempt: 8 attempts over about 23.6 hours, each wait
// stretched or shrunk by up to a tenth so retries of one outage do not arrive together.
export const RETRY_DELAYS_S = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 8 * 3600, 8 * 3600];
// A claim lasts this long: a worker that dies mid-delivery leaves it to be taken again.
const LEASE_S = Math.ceil((WEBHOOK_TIMEOUT_MS * 3) / 1000);
/** An endpoint every attempt has failed for this long is switched off. */
export const DISABLE_AFTER_HOURS = 24;

/** Turns new events into deliveries (dispatch_webhooks); null when another dispatcher is at work. */
export async function dispatchWebhooks(limit = 1_000): Promise<{ events: number; deliveries: number } | null> {
  const [row] = await queryRows<{ events: number | null; deliveries: number | null }>(pool(), sql`SELECT events, deliveries FROM dispatch_webhooks(${limit})`);
  if (!row || row.events === null) return null;
  return { events: row.events, deliveries: row.deliveries ?? 0 };
}

interface Claimed {
  id: string;
  body: string;
  attempts: number;
  endpoint_id: string;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
}

/** Claims up to `limit` due deliveries of enabled endpoints, oldest due first, each for one worker. */
async function claimDue(limit: number): Promise<Claimed[]> {
  return queryRows<Claimed>(
    pool(),
    sql`WITH due AS (
          SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id AND w.enabled
           WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND (d.locked_until IS NULL OR d.locked_until <= now())
           ORDER BY d.next_attempt_at LIMIT ${limit} FOR UPDATE OF d SKIP LOCKED)
        UPDATE webhook_deliveries d SET locked_until = now() + make_interval(secs => ${LEASE_S}), attempts = d.attempts + 1
          FROM due, webhook_endpoints w
         WHERE d.id = due.id AND w.id = d.endpoint_id
        RETURNING d.id, d.body, d.attempts, d.endpoint_id, w.url, w.secret, w.previous_secret, w.previous_secret_until`,
  );
}

/** After `attempts` failures: the wait before the next, or null when that was the last. */
export function retryDelaySeconds(attempts: number, random = Math.random): number | null {
  const base = RETRY_DELAYS_S[attempts - 1];
  return base === undefined ? null : Math.round(base * (0.9 + random() * 0.2));
}

/** Sends one claimed delivery and records the attempt, the delivery's fate and the endpoint's health. */
async function attempt(claimed: Claimed): Promise<boolean> {
  const now = new Date();
  const secrets = [claimed.secret];
  if (claimed.previous_secret && claimed.previous_secret_until && claimed.previous_secret_until > now) secrets.push(claimed.previous_secret);
  const result = await postWebhook(claimed.url, webhookHeaders(secrets, claimed.id, claimed.body, now), claimed.body, env().WEBHOOK_ALLOWED_PRIVATE_HOSTS);
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const error = ok ? null : (result.error ?? `answered ${result.statusCode}`);
  const delay = ok ? null : retryDelaySeconds(claimed.attempts);
  const status = ok ? "SUCCEEDED" : delay === null ? "FAILED" : "PENDING";
  await queryRows(
    pool(),
    sql`WITH logged AS (
          INSERT INTO webhook_attempts (delivery_id, status_code, error, duration_ms)
          VALUES (${claimed.id}::uuid, ${result.statusCode}, ${error}, ${result.durationMs})),
        delivery AS (
          -- Still this worker's claim (not taken again after its lease, nor redelivered meanwhile).
          UPDATE webhook_deliveries
             SET status = ${status}::webhook_delivery_status, locked_until = NULL,
                 next_attempt_at = CASE WHEN ${delay}::int IS NULL THEN NULL ELSE now() + make_interval(secs => ${delay}::int) END,
                 last_status_code = ${result.statusCode}, last_error = ${error},
                 delivered_at = CASE WHEN ${ok} THEN now() END
           WHERE id = ${claimed.id}::uuid AND attempts = ${claimed.attempts} AND status = 'PENDING'
          RETURNING 1),
        endpoint AS (
          -- A failure continues the endpoint's streak of failures only if the last one is recent:
          -- a quiet endpoint's one failure after a week starts a new streak, it does not end it.
          SELECT id, CASE WHEN failing_since IS NOT NULL AND last_failure_at > now() - make_interval(hours => ${DISABLE_AFTER_HOURS + 1})
                          THEN failing_since END AS streak_since
            FROM webhook_endpoints WHERE id = ${claimed.endpoint_id}::uuid)
        UPDATE webhook_endpoints w
           SET failing_since = CASE WHEN ${ok} THEN NULL ELSE coalesce(e.streak_since, now()) END,
               last_failure_at = CASE WHEN ${ok} THEN w.last_failure_at ELSE now() END,
               enabled = w.enabled AND (${ok} OR coalesce(e.streak_since, now()) > now() - make_interval(hours => ${DISABLE_AFTER_HOURS})),
               disabled_reason = CASE WHEN NOT ${ok} AND e.streak_since <= now() - make_interval(hours => ${DISABLE_AFTER_HOURS})
                                      THEN ${`Every delivery failed for ${DISABLE_AFTER_HOURS} hours; switch it on again once the receiver works.`}
                                      ELSE w.disabled_reason END
          FROM endpoint e
         WHERE w.id = e.id AND EXISTS (SELECT 1 FROM delivery)`,
  );
  return ok;
}

export interface WebhookPass {
  dispatched: number;
  attempted: number;
  succeeded: number;
}

// Deliveries in flight at once per worker: receivers answer slowly, the worker barely works.
const CONCURRENCY = 16;

/**
 * One round of the worker: dispatch new events, then send what is due, CONCURRENCY at a time,
 * until nothing is due or `maxMs` has passed (the cron tick gives it a few seconds).
 */
export async function runWebhookPass({ maxMs }: { maxMs: number }): Promise<WebhookPass> {
  const started = Date.now();
  const pass: WebhookPass = { dispatched: 0, attempted: 0, succeeded: 0 };
  for (;;) {
    const dispatched = await dispatchWebhooks();
    pass.dispatched += dispatched?.deliveries ?? 0;
    if (!dispatched || dispatched.events < 1_000 || Date.now() - started > maxMs) break;
  }
  // CONCURRENCY senders, each taking the next due delivery as soon as it is done with one:
  // a slow receiver holds up one sender, not a batch.
  const sender = async () => {
    while (Date.now() - started < maxMs) {
      const [claimed] = await claimDue(1);
      if (!claimed) return;
      pass.attempted++;
      if (await attempt(claimed)) pass.succeeded++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, sender));
  return pass;
}

const PURGE_BATCH = 1_000;

/**
 * Deletes deliveries (and their attempts) older than the retention, in batches (the cron
 * tick): by then they are settled, or waiting on an endpoint switched off all that time.
 */
export function purgeOldDeliveries(olderThan: Date): Promise<number> {
  return executeInBatches(
    pool(),
    PURGE_BATCH,
    sql`DELETE FROM webhook_deliveries WHERE id IN (
          SELECT id FROM webhook_deliveries WHERE created_at < ${olderThan} LIMIT ${PURGE_BATCH})`,
  );
}
