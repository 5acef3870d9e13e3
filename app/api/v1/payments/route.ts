// POST /api/v1/payments – pay for your hold from your wallet (ACTIVE queue token, Idempotency-Key)
import { getHoldConcertIdOrThrow } from "@/lib/booking/schedule-concert";
import { idempotently } from "@/lib/http/idempotency";
import { route } from "@/lib/http/route";
import { payHold } from "@/lib/payments/pay-hold";
import { leaveQueue } from "@/lib/queue/leave-queue";
import { QUEUE_TOKEN_HEADER, requireActiveQueueToken } from "@/lib/queue/queue-guard";
import type { QueueClaims } from "@/lib/queue/queue-token";
import { paymentBody } from "@/lib/schemas/payments";

// The queue guard runs inside the idempotent request, not in the wrapper: paying ends the
// shopping session, so a retry of a finished payment must get its receipt back without
// an ACTIVE token.
export const POST = route({ auth: "user", body: paymentBody }, async ({ request, user, body }) => {
  let shopper: QueueClaims | undefined;
  const response = await idempotently(request, user.id, "payment", body, {
    before: async () => {
      const concertId = await getHoldConcertIdOrThrow(body.holdId, user.id);
      shopper = await requireActiveQueueToken(request.headers.get(QUEUE_TOKEN_HEADER), user.id, concertId);
    },
    run: async (tx) => ({ status: 201, body: await payHold(tx, user.id, body.holdId) }),
  });
  // Paid is paid: ending the session is best effort and never turns the receipt into an error.
  if (shopper) await leaveQueue(shopper).catch((error: Error) => console.error(JSON.stringify({ level: "error", job: "end-session", message: error.message })));
  return response;
});
