// POST /api/v1/holds – hold 1–4 seats of one date for the concert's hold time, within your shopping time (ACTIVE queue token)
import { createHold } from "@/lib/booking/create-hold";
import { getScheduleConcertIdOrThrow } from "@/lib/booking/schedule-concert";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { createHoldBody, holdView } from "@/lib/schemas/booking";

export const POST = route(
  {
    auth: "user",
    scope: "booking",
    body: createHoldBody,
    rateLimit: "holds",
    queue: ({ body }) => getScheduleConcertIdOrThrow(body.scheduleId),
    doc: {
      summary: "Hold 1–4 seats of one date",
      description:
        "All or nothing, for the concert's hold time (HOLD_TTL_SECONDS unless its organizer set one) or until your shopping time ends, whichever is first. One live hold per person and date; within the concert's ticket limit per account, if it has one.",
      tag: "Booking",
      responses: { 201: { description: "The hold", schema: holdView } },
      errors: ["NOT_FOUND", "SEAT_UNAVAILABLE", "HOLD_EXISTS", "SCHEDULE_NOT_ON_SALE", "TICKET_LIMIT"],
    },
  },
  async ({ user, body, queue }) => created(await createHold(user.id, body, { shoppingEndsAt: queue.activeUntil })),
);

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
