// PATCH /api/v1/organizer/concerts/{concertId}/queue – change the line's limits (owners and managers)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { updateQueueLimits } from "@/lib/organizer/queue-control";
import { concertParams } from "@/lib/schemas/organizer-concerts";
import { queueControlView, queueLimitsBody } from "@/lib/schemas/organizer-dashboard";

export const PATCH = route(
  {
    auth: "user",
    scope: "organizer",
    params: concertParams,
    body: queueLimitsBody,
    doc: {
      summary: "Change the line's limits",
      description: "Shoppers at once, admitted per step and shopping time (null: the site's default). Recorded in the queue store at once (an admission step runs now); other instances follow within seconds.",
      tag: "Organizer",
      responses: { 200: { description: "The line's settings now", schema: queueControlView } },
      errors: ["ORGANIZER_REQUIRED", "ROLE_REQUIRED", "NOT_FOUND", "CONCERT_STATUS"],
    },
  },
  async ({ user, params, body }) => json(await updateQueueLimits(user.id, params.concertId, body)),
);

export const { GET, HEAD, POST, PUT, DELETE } = otherMethods({ PATCH });
