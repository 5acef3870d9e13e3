// GET /api/v1/organizer/concerts/{concertId}/dashboard/events – the on-sale figures as server-sent events (any member)
import { eventStreamResponse } from "@/lib/http/event-stream";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { route } from "@/lib/http/route";
import { followDashboard } from "@/lib/organizer/follow-dashboard";
import { concertParams } from "@/lib/schemas/organizer-concerts";

export const GET = route(
  {
    auth: "user",
    scope: "organizer",
    params: concertParams,
    doc: {
      summary: "Follow the on-sale dashboard live",
      description:
        "A text/event-stream of `dashboard` events, each the figures GET …/dashboard answers: the first at once, then within 2 s of each change to the concert (a sale, a hold, an admission) and every 15 s regardless. " +
        "Heartbeat comments every 15 s. At most 6 streams per account at once (429 TOO_MANY_STREAMS).",
      tag: "Organizer",
      responses: { 200: { description: "The stream of figures", schema: null, contentType: "text/event-stream" } },
      errors: ["ORGANIZER_REQUIRED", "NOT_FOUND", "TOO_MANY_STREAMS"],
    },
  },
  async ({ request, user, params }) =>
    eventStreamResponse(request, user.id, (send) => followDashboard(user.id, params.concertId, (view) => send({ event: "dashboard", data: view }))),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
