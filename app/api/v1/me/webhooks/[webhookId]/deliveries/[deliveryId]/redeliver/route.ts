// POST /api/v1/me/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver – send a message again now
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { webhookDeliveryParams, webhookDeliveryView } from "@/lib/schemas/webhooks";
import { redeliver } from "@/lib/webhooks/endpoints";

export const POST = route(
  {
    auth: "user",
    scope: "webhooks",
    params: webhookDeliveryParams,
    rateLimit: "webhookCalls",
    doc: {
      summary: "Redeliver a message",
      description: "Sends it again at once (same webhook-id, so a receiver that already has it can drop it), with a fresh round of retries.",
      tag: "Account",
      responses: { 200: { description: "The delivery, due now", schema: webhookDeliveryView } },
      errors: ["NOT_FOUND"],
    },
  },
  async ({ user, params }) => json(await redeliver(user.id, params.webhookId, params.deliveryId)),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
