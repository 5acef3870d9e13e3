// POST /api/v1/concerts/{concertId}/queue – join the concert's waiting room (or get your place back)
// GET  /api/v1/concerts/{concertId}/queue – the line's public counters, cacheable for a second
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { enterQueue } from "@/lib/queue/enter-queue";
import { getQueueCounters } from "@/lib/queue/get-queue-counters";
import { concertParams, enteredQueueView, queueCountersView } from "@/lib/schemas/queue";

export const POST = route(
  {
    auth: "user",
    scope: "booking",
    params: concertParams,
    rateLimit: "queueEntry",
    doc: {
      summary: "Join the concert's waiting room",
      description: "201 with a new place; 200 with your existing place when you are already in line. Keep the token: it is your X-Queue-Token.",
      tag: "Waiting room",
      responses: { 201: { description: "Your new place and queue token", schema: enteredQueueView }, 200: { description: "Your existing place", schema: enteredQueueView } },
      errors: ["NOT_FOUND", "CONCERT_STATUS"],
    },
  },
  async ({ user, params }) => {
    const entered = await enterQueue(user.id, params.concertId);
    return json(entered, entered.created ? 201 : 200, { "cache-control": "no-store" });
  },
);

// Waiting clients compute their own position from `serving`; a CDN in front absorbs
// most of that polling.
export const GET = route(
  {
    auth: "none",
    params: concertParams,
    doc: {
      summary: "The line's public counters",
      description: "Cacheable for a second. Your position is your number minus `serving`. Also runs the line's rate-limited admission step.",
      tag: "Waiting room",
      responses: { 200: { description: "Counters", schema: queueCountersView } },
      errors: ["NOT_FOUND"],
    },
  },
  async ({ params }) =>
  json(await getQueueCounters(params.concertId), 200, {
    "cache-control": "public, max-age=1, s-maxage=1, stale-while-revalidate=5",
  }),
);

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
