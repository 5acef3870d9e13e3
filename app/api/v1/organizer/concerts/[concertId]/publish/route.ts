// POST /api/v1/organizer/concerts/{concertId}/publish – put a draft on sale (owners and managers)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { publishConcert } from "@/lib/organizer/concert-lifecycle";
import { concertParams, organizerConcertView } from "@/lib/schemas/organizer-concerts";

export const POST = route(
  {
    auth: "user",
    scope: "organizer",
    params: concertParams,
    doc: {
      summary: "Publish a concert",
      description:
        "All or nothing: every date's seats are made from the venue's newest layout and the concert enters the catalogue in one transaction. 409 PUBLISH_INCOMPLETE lists what is missing (tiers, a tier for every seat, a future date), naming each field.",
      tag: "Organizer",
      responses: { 200: { description: "The published concert", schema: organizerConcertView } },
      errors: ["ORGANIZER_REQUIRED", "ROLE_REQUIRED", "NOT_FOUND", "CONCERT_STATUS", "PUBLISH_INCOMPLETE"],
    },
  },
  async ({ user, params }) => json(await publishConcert(user.id, params.concertId)),
);

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
