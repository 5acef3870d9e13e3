// GET /api/cron/tick – scheduled housekeeping: release lapsed holds, advance every waiting room (Bearer CRON_SECRET)
import { requireCronSecret } from "@/lib/auth/cron";
import { releaseExpiredHolds } from "@/lib/booking/release-expired-holds";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { admitAllQueues } from "@/lib/queue/admit-all-queues";

export const GET = route({ auth: "none" }, async ({ request }) => {
  requireCronSecret(request.headers.get("authorization"));
  // Holds first: seats freed now are visible to the people this tick admits.
  const released = await releaseExpiredHolds();
  return json({ released, queues: await admitAllQueues() }, 200, { "cache-control": "no-store" });
});
