// POST /api/v1/holds/best-available – hold the best N adjacent seats of a date within a price range (ACTIVE queue token)
import { holdBestAvailable } from "@/lib/booking/best-available";
import { getScheduleConcertIdOrThrow } from "@/lib/booking/schedule-concert";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { bestAvailableBody, holdView } from "@/lib/schemas/booking";

export const POST = route(
  {
    auth: "user",
    scope: "booking",
    body: bestAvailableBody,
    rateLimit: "holds",
    queue: ({ body }) => getScheduleConcertIdOrThrow(body.scheduleId),
    doc: {
      summary: "Hold the best 1–4 seats side by side",
      description:
        "The server picks adjacent seats in one row: the dearest within the price range, then the front row, then nearest the middle of the row, and holds them exactly as POST /api/v1/holds would. SEAT_UNAVAILABLE when no such block is free.",
      tag: "Booking",
      responses: { 201: { description: "The hold", schema: holdView } },
      errors: ["NOT_FOUND", "SEAT_UNAVAILABLE", "HOLD_EXISTS", "SCHEDULE_NOT_ON_SALE", "TICKET_LIMIT"],
    },
  },
  async ({ user, body, queue }) => created(await holdBestAvailable(user.id, body, { shoppingEndsAt: queue.activeUntil })),
);

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
