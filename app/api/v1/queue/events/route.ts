// GET /api/v1/queue/events – your place in line as server-sent events (send X-Queue-Token)
import { eventStreamResponse } from "@/lib/http/event-stream";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { route } from "@/lib/http/route";
import { followQueue } from "@/lib/queue/follow-queue";

export const GET = route(
  {
    auth: "user",
    queue: "own",
    doc: {
      summary: "Follow your place in line live",
      description:
        "A text/event-stream of `status` events, each your place as GET /queue/status answers it (position, estimate, admission, the end of your shopping time, a new `token` after the draw): " +
        "the first at once, then each time it changes. Your admission is sent the moment it happens; the rest as often as you would poll. " +
        "Keeping the stream open also keeps your place from counting as abandoned. Heartbeat comments every 15 s. At most 6 streams per account at once (429 TOO_MANY_STREAMS).",
      tag: "Waiting room",
      responses: { 200: { description: "The stream of your place", schema: null, contentType: "text/event-stream" } },
      errors: ["TOO_MANY_STREAMS"],
    },
  },
  async ({ request, user, queue }) =>
    eventStreamResponse(request, user.id, (send) => followQueue(queue!, (status) => send({ event: "status", data: status }))),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
