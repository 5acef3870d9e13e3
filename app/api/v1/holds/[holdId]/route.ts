// GET    /api/v1/holds/{holdId} – your hold
// DELETE /api/v1/holds/{holdId} – release your hold
import { getHoldOrThrow } from "@/lib/booking/get-hold";
import { releaseHold } from "@/lib/booking/release-hold";
import { json, noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { holdParams } from "@/lib/schemas/booking";

export const GET = route({ auth: "user", params: holdParams }, async ({ user, params }) =>
  json(await getHoldOrThrow(user.id, params.holdId), 200, { "cache-control": "no-store" }),
);

export const DELETE = route({ auth: "user", params: holdParams }, async ({ user, params }) => {
  await releaseHold(user.id, params.holdId);
  return noContent();
});
