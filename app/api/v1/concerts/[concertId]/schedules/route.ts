// GET /api/v1/concerts/{concertId}/schedules – bookable dates with seat counts (ACTIVE queue token)
import { listBookableSchedules } from "@/lib/booking/list-bookable-schedules";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { concertParams } from "@/lib/schemas/queue";

export const GET = route(
  { auth: "user", params: concertParams, queue: ({ params }) => params.concertId },
  async ({ params }) => json({ items: await listBookableSchedules(params.concertId) }, 200, { "cache-control": "no-store" }),
);
