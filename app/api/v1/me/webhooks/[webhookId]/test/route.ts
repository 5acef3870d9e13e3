// POST /api/v1/me/webhooks/{webhookId}/test – send the endpoint a test message
import { otherMethods } from "@/lib/http/method-not-allowed";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { webhookDeliveryView, webhookParams, WEBHOOK_TEST_TYPE } from "@/lib/schemas/webhooks";
import { sendTestWebhook } from "@/lib/webhooks/endpoints";

export const POST = route(
  {
    auth: "user",
    scope: "webhooks",
    params: webhookParams,
    rateLimit: "webhookCalls",
    doc: {
      summary: "Send a test message",
      description: `Queues a \`${WEBHOOK_TEST_TYPE}\` message, signed and retried like any other; follow it in the delivery log.`,
      tag: "Account",
      responses: { 201: { description: "The queued delivery", schema: webhookDeliveryView } },
      errors: ["NOT_FOUND"],
    },
  },
  async ({ user, params }) => created(await sendTestWebhook(user.id, params.webhookId)),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
