// DELETE /api/v1/queue – leave the line (send X-Queue-Token)
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { leaveQueue } from "@/lib/queue/leave-queue";

export const DELETE = route({ auth: "user", queue: "own" }, async ({ queue }) => {
  await leaveQueue(queue!);
  return noContent();
});
