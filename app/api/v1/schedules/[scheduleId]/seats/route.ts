// GET /api/v1/schedules/{scheduleId}/seats – the seat map with live status (ACTIVE queue token)
import { getSeatMapJson } from "@/lib/booking/get-seat-map";
import { getScheduleConcertIdOrThrow } from "@/lib/booking/schedule-concert";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { jsonText } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { scheduleParams, seatMapView } from "@/lib/schemas/booking";

export const GET = route(
  {
    auth: "user",
    params: scheduleParams,
    queue: ({ params }) => getScheduleConcertIdOrThrow(params.scheduleId),
    doc: { summary: "The seat map of a date", tag: "Booking", responses: { 200: { description: "Every seat with its live status", schema: seatMapView } }, errors: ["NOT_FOUND"] },
  },
  async ({ params }) => jsonText(await getSeatMapJson(params.scheduleId), 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
