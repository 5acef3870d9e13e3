import { bySeat } from "../booking/seat-order";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { OrderView } from "../schemas/payments";
import { ticketSelect, ticketView } from "./ticket-view";

/** The caller's order by its number, tickets by seat; anyone else's is not found. */
export async function getOrderOrThrow(userId: string, orderNumber: string): Promise<OrderView> {
  const payment = await db.payment.findFirst({
    where: { orderNumber, userId },
    select: {
      id: true,
      orderNumber: true,
      holdId: true,
      amount: true,
      createdAt: true,
      ledgerEntry: { select: { balanceAfter: true } },
      reservations: { select: ticketSelect },
    },
  });
  if (!payment || !payment.ledgerEntry || payment.reservations.length === 0) throw new NotFoundError("Order");
  const tickets = payment.reservations.map(ticketView).sort((a, b) => bySeat(a.seat, b.seat));
  return {
    orderNumber: payment.orderNumber,
    paymentId: payment.id,
    holdId: payment.holdId,
    amount: payment.amount,
    balanceAfter: payment.ledgerEntry.balanceAfter,
    paidAt: payment.createdAt.toISOString(),
    concert: tickets[0]!.concert,
    startsAt: tickets[0]!.startsAt,
    tickets,
  };
}
