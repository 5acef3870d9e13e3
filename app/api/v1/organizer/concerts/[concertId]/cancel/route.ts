// POST /api/v1/organizer/concerts/{concertId}/cancel – call a concert off (owners and managers)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { cancelConcert } from "@/lib/organizer/concert-lifecycle";
import { concertParams, organizerConcertView } from "@/lib/schemas/organizer-concerts";

export const POST = route(
  {
    auth: "user",
    scope: "organizer",
    params: concertParams,
    doc: {
      summary: "Cancel a concert",
      description:
        "The concert stays in the catalogue, marked cancelled. Every live hold on its dates is released and nothing more is held, paid for or queued for, even by requests already under way. Tickets already sold stay valid until refunded.",
      tag: "Organizer",
      responses: { 200: { description: "The cancelled concert", schema: organizerConcertView } },
      errors: ["ORGANIZER_REQUIRED", "ROLE_REQUIRED", "NOT_FOUND", "CONCERT_STATUS"],
    },
  },
  async ({ user, params }) => json(await cancelConcert(user.id, params.concertId)),
);

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
