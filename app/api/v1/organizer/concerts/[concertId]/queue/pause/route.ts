// POST /api/v1/organizer/concerts/{concertId}/queue/pause – pause admission of the concert's line (owners and managers)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { setQueuePaused } from "@/lib/organizer/queue-control";
import { concertParams } from "@/lib/schemas/organizer-concerts";
import { queueControlView } from "@/lib/schemas/organizer-dashboard";

export const POST = route(
  {
    auth: "user",
    scope: "organizer",
    params: concertParams,
    doc: {
      summary: "Pause admission",
      description: "Nobody more is let in; everyone keeps their place, and shoppers already in keep shopping. Effective from the line's next admission step, on either queue store.",
      tag: "Organizer",
      responses: { 200: { description: "The line's settings now", schema: queueControlView } },
      errors: ["ORGANIZER_REQUIRED", "ROLE_REQUIRED", "NOT_FOUND", "CONCERT_STATUS"],
    },
  },
  async ({ user, params }) => json(await setQueuePaused(user.id, params.concertId, true)),
);

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
