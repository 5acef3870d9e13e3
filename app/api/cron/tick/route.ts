// GET /api/cron/tick – scheduled housekeeping: advance every waiting room (Bearer CRON_SECRET)
import { requireCronSecret } from "@/lib/auth/cron";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { admitAllQueues } from "@/lib/queue/admit-all-queues";

export const GET = route({ auth: "none" }, async ({ request }) => {
  requireCronSecret(request.headers.get("authorization"));
  return json({ queues: await admitAllQueues() }, 200, { "cache-control": "no-store" });
});
