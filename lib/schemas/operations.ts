import { z } from "zod";

// Response shapes of the operational endpoints.
const dependencyHealth = z.object({ status: z.enum(["up", "down"]), latencyMs: z.number().int() });

export const healthView = z.object({
  status: z.enum(["ok", "degraded"]),
  database: dependencyHealth,
  /** Present when Redis is configured (waiting room and rate limits). */
  redis: dependencyHealth.optional(),
});

export const liveView = z.object({ status: z.literal("ok") });

export const tickView = z.object({
  released: z.object({ holds: z.number().int(), seats: z.number().int() }),
  queues: z.array(z.object({ concertId: z.uuid(), admitted: z.number().int(), serving: z.number().int() })),
  /** The last domain event position given, all committed events numbered. */
  lastEventPosition: z.number().int(),
  /** What this tick did for webhooks: deliveries made from new events, attempts, successes. */
  webhooks: z.object({ dispatched: z.number().int(), attempted: z.number().int(), succeeded: z.number().int() }),
  purged: z.object({
    idempotencyKeys: z.number().int(),
    rateLimitCounters: z.number().int(),
    sessions: z.number().int(),
    concertErrorCounts: z.number().int(),
    usedChallenges: z.number().int(),
    events: z.number().int(),
    webhookDeliveries: z.number().int(),
    streamLeases: z.number().int(),
  }),
});
