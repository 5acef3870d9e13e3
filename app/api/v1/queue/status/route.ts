// GET /api/v1/queue/status – your place in line (send X-Queue-Token)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { getQueueStatus } from "@/lib/queue/get-queue-status";
import { queueStatusView } from "@/lib/schemas/queue";

export const GET = route(
  {
    auth: "user",
    queue: "own",
    doc: {
      summary: "Your place in line",
      description: "Asking now and then also keeps a waiting place from being skipped as abandoned (and takes back one that was). After the draw, a pre-queue token gets `token`, the numbered one to use from then on.",
      tag: "Waiting room",
      responses: { 200: { description: "Your place; poll again after pollAfterMs", schema: queueStatusView } },
    },
  },
  async ({ queue }) =>
  json(await getQueueStatus(queue!), 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
