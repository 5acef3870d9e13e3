// GET    /api/v1/holds/{holdId} – your hold
// DELETE /api/v1/holds/{holdId} – release your hold
import { getHoldOrThrow } from "@/lib/booking/get-hold";
import { releaseHold } from "@/lib/booking/release-hold";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json, noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { holdParams, holdView } from "@/lib/schemas/booking";

export const GET = route(
  { auth: "user", params: holdParams, doc: { summary: "Your hold", tag: "Booking", responses: { 200: { description: "The hold", schema: holdView } }, errors: ["NOT_FOUND"] } },
  async ({ user, params }) =>
  json(await getHoldOrThrow(user.id, params.holdId), 200, { "cache-control": "no-store" }),
);

export const DELETE = route(
  {
    auth: "user",
    scope: "booking",
    params: holdParams,
    doc: { summary: "Release your hold", tag: "Booking", responses: { 204: { description: "Released (or already over)", schema: null } }, errors: ["NOT_FOUND", "HOLD_CLOSED"] },
  },
  async ({ user, params }) => {
    await releaseHold(user.id, params.holdId);
    return noContent();
  },
);

export const { POST, PUT, PATCH } = otherMethods({ GET, DELETE });
