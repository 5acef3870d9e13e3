// GET /api/v1/schedules/{scheduleId}/seats/status – the seats' live statuses only (ACTIVE queue token)
import { getSeatStatuses } from "@/lib/booking/get-seat-map";
import { getScheduleConcertIdOrThrow } from "@/lib/booking/schedule-concert";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { scheduleParams, seatStatusesView } from "@/lib/schemas/booking";

export const GET = route(
  {
    auth: "user",
    params: scheduleParams,
    queue: ({ params }) => getScheduleConcertIdOrThrow(params.scheduleId),
    doc: {
      summary: "Live seat statuses, compactly",
      description: "One character per seat in the order of the seat map (A available, H held, S sold): for refreshing a map already loaded.",
      tag: "Booking",
      responses: { 200: { description: "The statuses", schema: seatStatusesView } },
      errors: ["NOT_FOUND"],
    },
  },
  async ({ params }) => json(await getSeatStatuses(params.scheduleId), 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
