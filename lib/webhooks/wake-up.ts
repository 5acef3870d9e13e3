import { pool } from "../db";
import { execute, sql } from "../sql";

/** Where workers listen for deliveries queued outside the event flow (tests, redeliveries). */
export const WEBHOOKS_CHANNEL = "stagepass_webhooks";

/** Wakes the workers (npm run worker) at once; without one, the cron tick sends them. */
export async function webhooksDue(): Promise<void> {
  await execute(pool(), sql`SELECT pg_notify(${WEBHOOKS_CHANNEL}, '')`);
}
