// GET /api/cron/tick – scheduled housekeeping: release lapsed holds, advance every waiting
// room, number the domain events still waiting, send due webhooks for a few seconds, purge
// spent idempotency keys, rate-limit counters, ended sessions, old error counts, spent entry
// challenges, old events and deliveries, and lapsed stream leases (Bearer CRON_SECRET)
import { requireCronSecret } from "@/lib/auth/cron";
import { purgeEndedSessions } from "@/lib/auth/sessions";
import { releaseExpiredHolds } from "@/lib/booking/release-expired-holds";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { purgeOldEvents } from "@/lib/events/read-events";
import { sequenceAllEvents } from "@/lib/events/sequencer";
import { purgeLapsedStreamLeases } from "@/lib/events/stream-leases";
import { purgeIdempotencyRecords } from "@/lib/http/idempotency";
import { purgeConcertErrors } from "@/lib/http/concert-errors";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { admitAllQueues } from "@/lib/queue/admit-all-queues";
import { purgeUsedChallenges } from "@/lib/queue/entry-challenge";
import { deleteExpiredRateLimitCounters } from "@/lib/rate-limit/postgres-rate-limiter";
import { tickView } from "@/lib/schemas/operations";
import { purgeOldDeliveries, runWebhookPass } from "@/lib/webhooks/deliveries";

// The tick runs every minute; webhooks get a share of it, a worker takes the rest.
const WEBHOOK_PASS_MS = 10_000;

export const GET = route(
  {
    auth: "none",
    doc: { summary: "Scheduled housekeeping", tag: "Operations", cron: true, responses: { 200: { description: "What the tick did", schema: tickView } }, errors: ["UNAUTHENTICATED"] },
  },
  async ({ request }) => {
    requireCronSecret(request.headers.get("authorization"));
    // Holds first: seats freed now are visible to the people this tick admits.
    const released = await releaseExpiredHolds();
    const queues = await admitAllQueues();
    // Events a crashed instance wrote but never numbered are numbered here at the latest.
    const lastEventPosition = await sequenceAllEvents();
    // Where no worker runs (npm run worker), this is what sends webhooks.
    const webhooks = await runWebhookPass({ maxMs: WEBHOOK_PASS_MS });
    const retainedFrom = new Date(Date.now() - env().EVENT_RETENTION_HOURS * 3_600_000);
    const purged = {
      idempotencyKeys: await purgeIdempotencyRecords(),
      rateLimitCounters: await deleteExpiredRateLimitCounters(db),
      sessions: await purgeEndedSessions(),
      concertErrorCounts: await purgeConcertErrors(),
      usedChallenges: await purgeUsedChallenges(new Date()),
      events: await purgeOldEvents(retainedFrom),
      webhookDeliveries: await purgeOldDeliveries(retainedFrom),
      streamLeases: await purgeLapsedStreamLeases(),
    };
    return json({ released, queues, lastEventPosition, webhooks, purged }, 200, { "cache-control": "no-store" });
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
