import { z } from "zod";
import { idParam } from "./ids";
import { text } from "./text";

const instant = z.iso.datetime();

const holdData = z.object({
  holdId: z.uuid(),
  scheduleId: z.uuid(),
  seatIds: z.array(z.uuid()),
  amount: z.number().int().describe("KRW"),
  expiresAt: instant,
});

/**
 * What each event an account's webhooks can receive carries in `data` (the outbox payloads
 * the triggers of the domain_events migration write). Seat changes go to the seat stream,
 * not to webhooks: they are nobody's own.
 */
export const webhookEventData = {
  "hold.created": holdData,
  "hold.changed": holdData,
  "hold.released": holdData,
  "hold.expired": holdData,
  "payment.completed": z.object({
    paymentId: z.uuid(),
    orderNumber: z.string(),
    holdId: z.uuid(),
    scheduleId: z.uuid(),
    amount: z.number().int().describe("KRW"),
    paidAt: instant,
  }),
  "wallet.charged": z.object({ transactionId: z.uuid(), amount: z.number().int().describe("KRW"), balance: z.number().int().describe("KRW, after the charge") }),
  "queue.admitted": z.object({ concertId: z.uuid(), number: z.number().int() }),
} as const;

export type WebhookEventType = keyof typeof webhookEventData;

/** When each is sent. */
export const webhookEventSummary: Record<WebhookEventType, string> = {
  "hold.created": "You held seats.",
  "hold.changed": "You changed the seats of a live hold.",
  "hold.released": "You gave a hold back (or your shopping time ended with it).",
  "hold.expired": "A hold of yours ran out of time unpaid.",
  "payment.completed": "You paid for a hold: the seats are yours.",
  "wallet.charged": "You topped up your wallet.",
  "queue.admitted": "Your turn came in a concert's line.",
};
export const WEBHOOK_EVENT_TYPES = Object.keys(webhookEventData) as WebhookEventType[];
export const webhookEventType = z.enum(WEBHOOK_EVENT_TYPES as [WebhookEventType, ...WebhookEventType[]]);

/** The test message an endpoint can be sent on demand. */
export const WEBHOOK_TEST_TYPE = "webhook.test";

/** Every message's body: the Standard Webhooks shape. */
export const webhookMessage = <T extends z.ZodType>(type: string, data: T) =>
  z.object({ type: z.literal(type), timestamp: instant.describe("When the change was committed"), data });

const webhookUrl = text()
  .trim()
  .max(2_000, "must be at most 2,000 characters")
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }));

export const createWebhookBody = z.object({
  url: webhookUrl,
  description: text().trim().max(200, "must be at most 200 characters").default(""),
  eventTypes: z.array(webhookEventType).min(1, "must name at least one event type"),
});
export type CreateWebhookBody = z.infer<typeof createWebhookBody>;

export const updateWebhookBody = z
  .object({
    url: webhookUrl.optional(),
    description: text().trim().max(200, "must be at most 200 characters").optional(),
    eventTypes: z.array(webhookEventType).min(1, "must name at least one event type").optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "must change something" });
export type UpdateWebhookBody = z.infer<typeof updateWebhookBody>;

export const webhookParams = z.object({ webhookId: idParam("must be a webhook id") });
export const webhookDeliveryParams = webhookParams.extend({ deliveryId: idParam("must be a delivery id") });

export const webhookView = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(webhookEventType),
  enabled: z.boolean(),
  /** Why delivery switched it off by itself; null while on or when you did. */
  disabledReason: z.string().nullable(),
  /** Since when every attempt has failed; null after a success. */
  failingSince: instant.nullable(),
  createdAt: instant,
});
export type WebhookView = z.infer<typeof webhookView>;

/** Creation and rotation answer with the signing secret (whsec_…): shown only then. */
export const webhookWithSecretView = webhookView.extend({ secret: z.string() });
export type WebhookWithSecretView = z.infer<typeof webhookWithSecretView>;

export const webhookAttemptView = z.object({
  attemptedAt: instant,
  /** The receiver's HTTP status; null when there was no answer (see error). */
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});

export const webhookDeliveryView = z.object({
  id: z.uuid().describe("The webhook-id header: the same on every attempt"),
  type: z.string(),
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
  attempts: z.array(webhookAttemptView),
  nextAttemptAt: instant.nullable(),
  createdAt: instant,
  deliveredAt: instant.nullable(),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryView>;
