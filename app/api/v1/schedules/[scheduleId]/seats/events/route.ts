// GET /api/v1/schedules/{scheduleId}/seats/events – the seats' status changes as server-sent events (ACTIVE queue token)
import { getScheduleConcertIdOrThrow } from "@/lib/booking/schedule-concert";
import { followSeats } from "@/lib/booking/seat-events";
import { eventStreamResponse, lastEventIdOf } from "@/lib/http/event-stream";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { route } from "@/lib/http/route";
import { scheduleParams } from "@/lib/schemas/booking";

export const GET = route(
  {
    auth: "user",
    params: scheduleParams,
    queue: ({ params }) => getScheduleConcertIdOrThrow(params.scheduleId),
    doc: {
      summary: "Follow the seats' statuses live",
      description:
        "A text/event-stream. A new connection first gets `snapshot` (the statuses as in the status refresh, with the event id they are as of), " +
        "then `seat.held` (`seatIds`, `heldUntil`: free again from then on unless another event says otherwise), `seat.freed` and `seat.sold` (`seatIds`), " +
        "and `seats.revised` (`revision`: load the seat map again). Reconnect with `Last-Event-ID` to get exactly what you missed " +
        "(or a fresh snapshot when that is no longer kept). Heartbeat comments every 15 s; the stream ends with your shopping time. " +
        "At most 6 streams per account at once (429 TOO_MANY_STREAMS).",
      tag: "Booking",
      responses: { 200: { description: "The stream of seat events", schema: null, contentType: "text/event-stream" } },
      errors: ["NOT_FOUND", "TOO_MANY_STREAMS"],
    },
  },
  async ({ request, user, params, queue }) => {
    const lastEventId = lastEventIdOf(request);
    return eventStreamResponse(request, user.id, (send) => followSeats(params.scheduleId, lastEventId, send), queue.activeUntil ?? undefined);
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
