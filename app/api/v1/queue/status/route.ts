// GET /api/v1/queue/status – your place in line (send X-Queue-Token)
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { getQueueStatus } from "@/lib/queue/get-queue-status";

export const GET = route({ auth: "user", queue: "own" }, async ({ queue }) =>
  json(await getQueueStatus(queue!), 200, { "cache-control": "no-store" }),
);
