// POST /api/v1/payments – pay for your hold from your wallet (ACTIVE queue token, Idempotency-Key)
import { getHoldConcertIdOrThrow } from "@/lib/booking/schedule-concert";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { payHold } from "@/lib/payments/pay-hold";
import { leaveQueue } from "@/lib/queue/leave-queue";
import { paymentBody, receiptView } from "@/lib/schemas/payments";

export const POST = route(
  {
    auth: "user",
    scope: "payments",
    body: paymentBody,
    queue: ({ user, body }) => getHoldConcertIdOrThrow(body.holdId, user.id),
    idempotent: "payment",
    doc: {
      summary: "Pay for your hold from your wallet",
      description: "One transaction; afterwards your queue token no longer counts. A retry with the same Idempotency-Key returns the same receipt.",
      tag: "Payments",
      responses: { 201: { description: "The receipt with its tickets", schema: receiptView } },
      errors: ["NOT_FOUND", "INSUFFICIENT_BALANCE", "HOLD_EXPIRED", "HOLD_CLOSED", "SCHEDULE_NOT_ON_SALE", "TICKET_LIMIT"],
    },
  },
  async ({ user, body, queue, tx, afterCommit }) => {
    const receipt = await payHold(tx, user.id, body.holdId);
    // Paid is paid: the shopping session ends after commit, and its failure never undoes the sale.
    afterCommit(() => leaveQueue(queue));
    return created(receipt);
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
