// GET    /api/v1/me/webhooks/{webhookId} – one of your webhook endpoints
// PATCH  /api/v1/me/webhooks/{webhookId} – change its URL, description, event types, or switch it on or off
// DELETE /api/v1/me/webhooks/{webhookId} – delete it, with its delivery log
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json, noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { updateWebhookBody, webhookParams, webhookView } from "@/lib/schemas/webhooks";
import { deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/endpoints";

export const GET = route(
  {
    auth: "user",
    scope: "webhooks",
    params: webhookParams,
    doc: { summary: "One of your webhook endpoints", tag: "Account", responses: { 200: { description: "The endpoint", schema: webhookView } }, errors: ["NOT_FOUND"] },
  },
  async ({ user, params }) => json(await getWebhook(user.id, params.webhookId), 200, { "cache-control": "no-store" }),
);

export const PATCH = route(
  {
    auth: "user",
    scope: "webhooks",
    params: webhookParams,
    body: updateWebhookBody,
    rateLimit: "webhookCalls",
    doc: {
      summary: "Change a webhook endpoint",
      description: "Switching it on (`enabled: true`) after delivery switched it off clears the reason; deliveries still pending are then sent.",
      tag: "Account",
      responses: { 200: { description: "The endpoint", schema: webhookView } },
      errors: ["NOT_FOUND"],
    },
  },
  async ({ user, params, body }) => json(await updateWebhook(user.id, params.webhookId, body)),
);

export const DELETE = route(
  {
    auth: "user",
    scope: "webhooks",
    params: webhookParams,
    doc: { summary: "Delete a webhook endpoint", tag: "Account", responses: { 204: { description: "Deleted, with its deliveries", schema: null } }, errors: ["NOT_FOUND"] },
  },
  async ({ user, params }) => {
    await deleteWebhook(user.id, params.webhookId);
    return noContent();
  },
);

export const { POST, PUT } = otherMethods({ GET, PATCH, DELETE });
