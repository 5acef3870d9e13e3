// GET /api/v1/queue/status – your place in line (send X-Queue-Token)
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { getQueueStatus } from "@/lib/queue/get-queue-status";
import { queueStatusView } from "@/lib/schemas/queue";

export const GET = route(
  {
    auth: "user",
    queue: "own",
    doc: { summary: "Your place in line", tag: "Waiting room", responses: { 200: { description: "Your place; poll again after pollAfterMs", schema: queueStatusView } } },
  },
  async ({ queue }) =>
  json(await getQueueStatus(queue!), 200, { "cache-control": "no-store" }),
);
