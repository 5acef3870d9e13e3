// POST /api/v1/concerts/{concertId}/queue – join the concert's waiting room (or get your place back)
// GET  /api/v1/concerts/{concertId}/queue – the line's public counters, cacheable for a second
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { enterQueue } from "@/lib/queue/enter-queue";
import { getQueueCounters } from "@/lib/queue/get-queue-counters";
import { concertParams } from "@/lib/schemas/queue";

export const POST = route({ auth: "user", params: concertParams, rateLimit: "queueEntry" }, async ({ user, params }) => {
  const entered = await enterQueue(user.id, params.concertId);
  return json(entered, entered.created ? 201 : 200, { "cache-control": "no-store" });
});

// Waiting clients compute their own position from `serving`; a CDN in front absorbs
// most of that polling.
export const GET = route({ auth: "none", params: concertParams }, async ({ params }) =>
  json(await getQueueCounters(params.concertId), 200, {
    "cache-control": "public, max-age=1, s-maxage=1, stale-while-revalidate=5",
  }),
);
