import { randomBytes } from "node:crypto";
import { availabilityChanged } from "../booking/availability-cache";
import { holdRefusal } from "../booking/hold-refusals";
import { bySeat } from "../booking/seat-order";
import { DomainError } from "../errors";
import type { ReceiptView } from "../schemas/payments";
import { queryRows, raisedRefusal, sql, type SqlTx } from "../sql";
import { ticketView, type TicketRecord } from "./ticket-view";

/** Short, unguessable, unambiguous (no 0/O, 1/I) code for the ticket's QR. */
function ticketCode(): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const bytes = randomBytes(12);
  return "SP-" + [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
}

// A hold has at most this many seats (createHoldBody): one code each.
const MAX_SEATS_PER_HOLD = 4;

interface PaidRecord {
  id: string;
  orderNumber: string;
  scheduleId: string;
  amount: number;
  balance: number;
  paidAt: string;
  tickets: (Omit<TicketRecord, "createdAt" | "schedule"> & { createdAt: string; schedule: { startsAt: string; concert: TicketRecord["schedule"]["concert"] } })[];
}

/**
 * Pays for the caller's live hold from their wallet, in the caller's transaction, with one
 * call of pay_hold (the one_statement_holds_and_payments migration): hold row locked →
 * wallet debited by a conditional update (balance >= amount) → seats SOLD → payment,
 * tickets and ledger row → hold PAID. Locks follow the global order (hold, wallet, seats by
 * id), and the hold's time is judged by the database's clock once its lock is held.
 * Anything short of success changes nothing.
 */
export async function payHold(tx: SqlTx, userId: string, holdId: string): Promise<ReceiptView> {
  const codes = Array.from({ length: MAX_SEATS_PER_HOLD }, ticketCode);
  let paid: PaidRecord;
  try {
    const [row] = await queryRows<{ paid: PaidRecord }>(tx, sql`SELECT pay_hold(${userId}::uuid, ${holdId}::uuid, ${codes}::text[]) AS paid`);
    paid = row!.paid;
  } catch (error) {
    throw refusalOf(error);
  }
  availabilityChanged(paid.scheduleId);
  return {
    id: paid.id,
    orderNumber: paid.orderNumber,
    holdId,
    amount: paid.amount,
    balance: paid.balance,
    paidAt: new Date(paid.paidAt).toISOString(),
    tickets: paid.tickets
      .map((t) => ticketView({ ...t, createdAt: new Date(t.createdAt), schedule: { ...t.schedule, startsAt: new Date(t.schedule.startsAt) } }))
      .sort((a, b) => bySeat(a.seat, b.seat)),
  };
}

function refusalOf(error: unknown): unknown {
  const refusal = raisedRefusal(error);
  if (refusal?.code === "INSUFFICIENT_BALANCE") {
    return new DomainError(
      "INSUFFICIENT_BALANCE",
      "Your wallet balance is too low for this payment. Top up and pay again; your seats stay held until the timer runs out.",
    );
  }
  return holdRefusal(refusal) ?? error;
}
