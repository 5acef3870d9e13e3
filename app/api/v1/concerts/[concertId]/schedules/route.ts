// GET /api/v1/concerts/{concertId}/schedules – bookable dates with seat counts (ACTIVE queue token)
import { listBookableSchedules } from "@/lib/booking/list-concert-dates";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { pageOf } from "@/lib/pagination";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { bookableScheduleView } from "@/lib/schemas/booking";
import { concertParams } from "@/lib/schemas/queue";

export const GET = route(
  {
    auth: "user",
    params: concertParams,
    queue: ({ params }) => params.concertId,
    doc: {
      summary: "Bookable dates of a concert",
      description: "On sale, upcoming, with a free seat. All of them, in one page.",
      tag: "Booking",
      responses: { 200: { description: "Dates with seat counts and prices", schema: pageOf(bookableScheduleView) } },
      errors: ["NOT_FOUND"],
    },
  },
  async ({ params }) => json({ items: await listBookableSchedules(params.concertId), nextCursor: null }, 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
