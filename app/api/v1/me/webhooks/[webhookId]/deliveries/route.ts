// GET /api/v1/me/webhooks/{webhookId}/deliveries – the endpoint's delivery log
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { pageOf, pageQuery } from "@/lib/pagination";
import { webhookDeliveryView, webhookParams } from "@/lib/schemas/webhooks";
import { listDeliveries } from "@/lib/webhooks/endpoints";

export const GET = route(
  {
    auth: "user",
    scope: "webhooks",
    params: webhookParams,
    query: pageQuery,
    doc: {
      summary: "A webhook endpoint's delivery log",
      description: "Newest first: each message with every attempt, the receiver's HTTP status or what went wrong, and when the next try is due.",
      tag: "Account",
      responses: { 200: { description: "A page of deliveries", schema: pageOf(webhookDeliveryView) } },
      errors: ["NOT_FOUND"],
    },
  },
  async ({ user, params, query }) => json(await listDeliveries(user.id, params.webhookId, query), 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
