// POST /api/v1/concerts/{concertId}/queue – join the concert's waiting room (or get your place back)
// GET  /api/v1/concerts/{concertId}/queue – the line's public counters, cacheable for a second
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { enterQueue } from "@/lib/queue/enter-queue";
import { getQueueCounters } from "@/lib/queue/get-queue-counters";
import { concertParams, enteredQueueView, QUEUE_CHALLENGE_HEADER, queueCountersView } from "@/lib/schemas/queue";

export const POST = route(
  {
    auth: "user",
    scope: "booking",
    params: concertParams,
    rateLimit: "queueEntry",
    doc: {
      summary: "Join the concert's waiting room",
      description:
        "201 with a new place; 200 with your existing place when you are already in line (from any device). Keep the token: it is your X-Queue-Token. " +
        "Before the sale opens you join its pre-queue (status PRE_QUEUE, no number): the draw at `drawAt` places you. Before the pre-queue opens: 409 QUEUE_NOT_OPEN with `opensAt`. " +
        `When the concert asks for a proof of work, send a solved challenge (GET …/queue/challenge) as base64 JSON in \`${QUEUE_CHALLENGE_HEADER}\`.`,
      tag: "Waiting room",
      responses: { 201: { description: "Your new place and queue token", schema: enteredQueueView }, 200: { description: "Your existing place", schema: enteredQueueView } },
      errors: ["NOT_FOUND", "CONCERT_STATUS", "QUEUE_NOT_OPEN", "CHALLENGE_REQUIRED", "ACCOUNT_TOO_NEW"],
    },
  },
  async ({ user, params, request }) => {
    const entered = await enterQueue(user.id, params.concertId, undefined, request.headers.get(QUEUE_CHALLENGE_HEADER));
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
