import { randomBytes } from "node:crypto";
import { systemClock, type Clock } from "../clock";
import { DomainError, NotFoundError } from "../errors";
import type { ReceiptView } from "../schemas/payments";
import type { Tx } from "../transaction";
import { ticketSelect, ticketView } from "./ticket-view";

interface LockedHold {
  user_id: string;
  status: "ACTIVE" | "RELEASED" | "EXPIRED" | "PAID";
  amount: number;
  expires_at: Date;
  schedule_id: string;
}

const expired = () => new DomainError("HOLD_EXPIRED", "This hold ran out before it was paid; the seats are free again.");

/** Short, unguessable, unambiguous (no 0/O, 1/I) code for the ticket's QR. */
function ticketCode(): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const bytes = randomBytes(12);
  return "SP-" + [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
}

/**
 * Pays for the caller's live hold from their wallet, in the caller's transaction:
 * hold row locked → wallet debited by a conditional update (balance >= amount) → seats
 * SOLD → payment, tickets and ledger row → hold PAID. Locks follow the global order
 * (hold, wallet, seats by id). Anything short of success changes nothing.
 */
export async function payHold(tx: Tx, userId: string, holdId: string, clock: Clock = systemClock): Promise<ReceiptView> {
  const [hold] = await tx.$queryRaw<LockedHold[]>`
    SELECT user_id, status, amount, expires_at, schedule_id FROM holds WHERE id = ${holdId}::uuid FOR UPDATE`;
  // Read the clock only once the hold is ours: waiting for the lock must not stretch its life.
  const now = clock.now();
  if (!hold || hold.user_id !== userId) throw new NotFoundError("Hold");
  if (hold.status === "PAID") throw new DomainError("HOLD_CLOSED", "This hold has already been paid for.");
  if (hold.status === "RELEASED") throw new DomainError("HOLD_CLOSED", "This hold was released; pick your seats again.");
  if (hold.status === "EXPIRED" || hold.expires_at <= now) throw expired();

  const [wallet] = await tx.$queryRaw<{ balance: number }[]>`
    UPDATE wallets SET balance = balance - ${hold.amount}, updated_at = now()
     WHERE user_id = ${userId}::uuid AND balance >= ${hold.amount}
    RETURNING balance`;
  if (!wallet) throw new DomainError("INSUFFICIENT_BALANCE", "Your wallet balance is too low for this payment. Top up and pay again; your seats stay held until the timer runs out.");

  const heldSeats = await tx.holdSeat.findMany({ where: { holdId }, select: { seatId: true, price: true }, orderBy: { seatId: "asc" } });
  const sold = await tx.$executeRaw`
    WITH locked AS (
      SELECT id FROM seats WHERE id = ANY(${heldSeats.map((s) => s.seatId)}::uuid[]) ORDER BY id FOR UPDATE
    )
    UPDATE seats SET status = 'SOLD', hold_id = NULL, hold_expires_at = NULL FROM locked
     WHERE seats.id = locked.id AND seats.hold_id = ${holdId}::uuid AND seats.status = 'AVAILABLE' AND seats.hold_expires_at > ${now}`;
  // Someone claimed a seat at the instant this hold lapsed (by their clock): it has expired.
  if (sold !== heldSeats.length) throw expired();

  const payment = await tx.payment.create({ data: { userId, holdId, amount: hold.amount }, select: { id: true, createdAt: true } });
  await tx.ledgerEntry.create({ data: { userId, kind: "PAYMENT", amount: -hold.amount, balanceAfter: wallet.balance, paymentId: payment.id } });
  await tx.reservation.createMany({
    data: heldSeats.map((s) => ({ userId, paymentId: payment.id, scheduleId: hold.schedule_id, seatId: s.seatId, price: s.price, code: ticketCode() })),
  });
  await tx.hold.update({ where: { id: holdId }, data: { status: "PAID", closedAt: now } });

  const tickets = await tx.reservation.findMany({ where: { paymentId: payment.id }, select: ticketSelect, orderBy: { seat: { number: "asc" } } });
  return {
    id: payment.id,
    holdId,
    amount: hold.amount,
    balance: wallet.balance,
    paidAt: payment.createdAt.toISOString(),
    tickets: tickets.map(ticketView),
  };
}
