// POST /api/v1/holds – hold 1–4 seats of one date for HOLD_TTL_SECONDS (ACTIVE queue token)
import { createHold } from "@/lib/booking/create-hold";
import { getScheduleConcertIdOrThrow } from "@/lib/booking/schedule-concert";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { createHoldBody } from "@/lib/schemas/booking";

export const POST = route(
  { auth: "user", body: createHoldBody, rateLimit: "holds", queue: ({ body }) => getScheduleConcertIdOrThrow(body.scheduleId) },
  async ({ user, body }) => created(await createHold(user.id, body)),
);
