// POST /api/v1/me/webhooks – register a webhook endpoint (its signing secret is shown once)
// GET  /api/v1/me/webhooks – your webhook endpoints
import { otherMethods } from "@/lib/http/method-not-allowed";
import { created, json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { createWebhookBody, webhookView, webhookWithSecretView, WEBHOOK_EVENT_TYPES } from "@/lib/schemas/webhooks";
import { createWebhook, listWebhooks, MAX_WEBHOOKS } from "@/lib/webhooks/endpoints";
import { z } from "zod";

export const POST = route(
  {
    auth: "user",
    scope: "webhooks",
    body: createWebhookBody,
    rateLimit: "webhookCalls",
    doc: {
      summary: "Register a webhook endpoint",
      description:
        `Your account's events of the chosen types (${WEBHOOK_EVENT_TYPES.join(", ")}) are POSTed to the URL as Standard Webhooks: ` +
        "`webhook-id`, `webhook-timestamp` and `webhook-signature` headers, HMAC-SHA256 with the `whsec_` secret in this answer (shown only here and on rotation). " +
        "Delivery is at least once, retried with backoff for about 24 hours; an endpoint failing for 24 hours is switched off. " +
        `The URL must be https and public (private and loopback addresses are refused). At most ${MAX_WEBHOOKS} endpoints per account. ` +
        "The messages are described under `webhooks` in this document.",
      tag: "Account",
      responses: { 201: { description: "The endpoint, with its signing secret", schema: webhookWithSecretView } },
      errors: ["WEBHOOK_LIMIT_REACHED"],
    },
  },
  async ({ user, body }) => created(await createWebhook(user.id, body)),
);

export const GET = route(
  {
    auth: "user",
    scope: "webhooks",
    doc: { summary: "Your webhook endpoints", tag: "Account", responses: { 200: { description: "Newest first (never the secrets)", schema: z.object({ items: z.array(webhookView) }) } } },
  },
  async ({ user }) => json({ items: await listWebhooks(user.id) }, 200, { "cache-control": "no-store" }),
);

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
