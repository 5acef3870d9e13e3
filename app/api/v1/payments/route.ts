// POST /api/v1/payments – pay for your hold from your wallet (ACTIVE queue token, Idempotency-Key)
import { getHoldConcertIdOrThrow } from "@/lib/booking/schedule-concert";
import { idempotently } from "@/lib/http/idempotency";
import { route } from "@/lib/http/route";
import { payHold } from "@/lib/payments/pay-hold";
import { leaveQueue } from "@/lib/queue/leave-queue";
import { QUEUE_TOKEN_HEADER, requireActiveQueueToken } from "@/lib/queue/queue-guard";
import type { QueueClaims } from "@/lib/queue/queue-token";
import { paymentBody, receiptView } from "@/lib/schemas/payments";

// The queue guard runs inside the idempotent request, not in the wrapper: paying ends the
// shopping session, so a retry of a finished payment must get its receipt back without
// an ACTIVE token.
export const POST = route(
  {
    auth: "user",
    body: paymentBody,
    doc: {
      summary: "Pay for your hold from your wallet",
      description: "One transaction; afterwards your queue token no longer counts. A retry with the same Idempotency-Key returns the same receipt.",
      tag: "Payments",
      idempotent: true,
      queue: "active",
      responses: { 201: { description: "The receipt with its tickets", schema: receiptView } },
      errors: ["NOT_FOUND", "INSUFFICIENT_BALANCE", "HOLD_EXPIRED", "HOLD_CLOSED"],
    },
  },
  async ({ request, user, body }) => {
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
  },
);
