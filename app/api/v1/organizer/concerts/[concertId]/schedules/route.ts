// POST /api/v1/organizer/concerts/{concertId}/schedules – add a date (owners and managers)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { addSchedule } from "@/lib/organizer/concert-lifecycle";
import { addScheduleBody, concertParams, organizerConcertView } from "@/lib/schemas/organizer-concerts";

export const POST = route(
  {
    auth: "user",
    scope: "organizer",
    params: concertParams,
    body: addScheduleBody,
    doc: {
      summary: "Add a date",
      description:
        "`salesOpenAt` must be before `startsAt`, which must be in the future. A published concert's new date gets its seats at once, from the venue's newest layout (409 PUBLISH_INCOMPLETE when a seat of it has no priced tier); a draft's dates get theirs when it is published.",
      tag: "Organizer",
      responses: { 201: { description: "The concert with the new date", schema: organizerConcertView } },
      errors: ["ORGANIZER_REQUIRED", "ROLE_REQUIRED", "NOT_FOUND", "CONCERT_STATUS", "PUBLISH_INCOMPLETE"],
    },
  },
  async ({ user, params, body }) => created(await addSchedule(user.id, params.concertId, body)),
);

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
