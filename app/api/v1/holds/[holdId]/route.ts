// GET    /api/v1/holds/{holdId} – your hold
// PATCH  /api/v1/holds/{holdId} – change the seats of your live hold (ACTIVE queue token)
// DELETE /api/v1/holds/{holdId} – release your hold
import { changeHold } from "@/lib/booking/change-hold";
import { getHoldOrThrow } from "@/lib/booking/get-hold";
import { getHoldConcertIdOrThrow } from "@/lib/booking/schedule-concert";
import { releaseHold } from "@/lib/booking/release-hold";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json, noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { changeHoldBody, holdParams, holdView } from "@/lib/schemas/booking";

export const GET = route(
  { auth: "user", params: holdParams, doc: { summary: "Your hold", tag: "Booking", responses: { 200: { description: "The hold", schema: holdView } }, errors: ["NOT_FOUND"] } },
  async ({ user, params }) =>
  json(await getHoldOrThrow(user.id, params.holdId), 200, { "cache-control": "no-store" }),
);

export const PATCH = route(
  {
    auth: "user",
    scope: "booking",
    params: holdParams,
    body: changeHoldBody,
    rateLimit: "holds",
    queue: ({ user, params }) => getHoldConcertIdOrThrow(params.holdId, user.id),
    doc: {
      summary: "Change the seats of your live hold",
      description:
        "Send the seats the hold should have from now on (1–4 of its date): seats kept stay yours throughout, new ones are added and the rest freed, all or nothing. The hold keeps its expiry.",
      tag: "Booking",
      responses: { 200: { description: "The hold with its new seats", schema: holdView } },
      errors: ["NOT_FOUND", "SEAT_UNAVAILABLE", "HOLD_EXPIRED", "HOLD_CLOSED", "TICKET_LIMIT"],
    },
  },
  async ({ user, params, body }) => json(await changeHold(user.id, params.holdId, body), 200, { "cache-control": "no-store" }),
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

export const { POST, PUT } = otherMethods({ GET, PATCH, DELETE });
