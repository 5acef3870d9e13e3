// GET /api/v1/me/holds – your live holds, newest first
import { listLiveHolds } from "@/lib/booking/list-live-holds";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { liveHoldsView } from "@/lib/schemas/booking";

export const GET = route(
  {
    auth: "user",
    doc: {
      summary: "Your live holds, newest first",
      description: "At most one per date. Finds a hold whose creation answer never arrived (HOLD_EXISTS also names it).",
      tag: "Booking",
      responses: { 200: { description: "Every live hold", schema: liveHoldsView } },
    },
  },
  async ({ user }) => json({ items: await listLiveHolds(user.id) }, 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
