// POST /api/v1/organizer/concerts/{concertId}/queue/resume – resume admission of the concert's line (owners and managers)
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
      summary: "Resume admission",
      description: "The line moves again at once (an admission step runs now).",
      tag: "Organizer",
      responses: { 200: { description: "The line's settings now", schema: queueControlView } },
      errors: ["ORGANIZER_REQUIRED", "ROLE_REQUIRED", "NOT_FOUND", "CONCERT_STATUS"],
    },
  },
  async ({ user, params }) => json(await setQueuePaused(user.id, params.concertId, false)),
);

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
