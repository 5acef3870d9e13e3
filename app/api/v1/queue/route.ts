// DELETE /api/v1/queue – leave the line (send X-Queue-Token)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { leaveQueue } from "@/lib/queue/leave-queue";

export const DELETE = route(
  {
    auth: "user",
    scope: "booking",
    queue: "own",
    doc: { summary: "Leave the line", tag: "Waiting room", responses: { 204: { description: "Left; the token no longer counts", schema: null } } },
  },
  async ({ queue }) => {
    await leaveQueue(queue);
    return noContent();
  },
);

export const { GET, HEAD, POST, PUT, PATCH } = otherMethods({ DELETE });
