// POST /api/v1/me/webhooks/{webhookId}/rotate-secret – a new signing secret (the old one signs for another day)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { webhookParams, webhookWithSecretView } from "@/lib/schemas/webhooks";
import { PREVIOUS_SECRET_HOURS, rotateWebhookSecret } from "@/lib/webhooks/endpoints";

export const POST = route(
  {
    auth: "user",
    scope: "webhooks",
    params: webhookParams,
    doc: {
      summary: "Rotate a webhook endpoint's signing secret",
      description: `Messages are signed with the new secret and, for ${PREVIOUS_SECRET_HOURS} hours, also with the old one (two signatures in webhook-signature), so your receiver can switch without missing any.`,
      tag: "Account",
      responses: { 200: { description: "The endpoint with its new secret (shown only here)", schema: webhookWithSecretView } },
      errors: ["NOT_FOUND"],
    },
  },
  async ({ user, params }) => json(await rotateWebhookSecret(user.id, params.webhookId), 200, { "cache-control": "no-store" }),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
