import { ValidationError } from "../errors";
import { formatKrw } from "../money";
import type { ChargeView } from "../schemas/wallet";
import { queryRows, sql, type SqlTx } from "../sql";
import { ledgerEntryView } from "./ledger-view";
import { MAX_BALANCE } from "./policy";

/**
 * Adds money to the user's wallet, in the caller's transaction, with one statement: a
 * conditional UPDATE (the cap is checked by the database, so racing charges cannot pass it
 * together) and the ledger row it feeds.
 */
export async function chargeWallet(tx: SqlTx, userId: string, amount: number): Promise<ChargeView> {
  const [entry] = await queryRows<{ id: string; kind: "CHARGE"; amount: number; balance_after: number; created_at: Date }>(
    tx,
    sql`
      WITH wallet AS (
        UPDATE wallets SET balance = balance + ${amount}, updated_at = now()
         WHERE user_id = ${userId}::uuid AND balance + ${amount} <= ${MAX_BALANCE}
        RETURNING user_id, balance)
      INSERT INTO ledger_entries (user_id, kind, amount, balance_after)
      SELECT user_id, 'CHARGE', ${amount}, balance FROM wallet
      RETURNING id, kind, amount, balance_after, created_at`,
  );
  if (!entry) {
    // Refused (rare): say how much still fits, from the balance as it is now.
    const [wallet] = await queryRows<{ balance: number }>(tx, sql`SELECT balance FROM wallets WHERE user_id = ${userId}::uuid`);
    const room = Math.max(MAX_BALANCE - (wallet?.balance ?? 0), 0);
    const limit = `would take your balance over the wallet limit of ${formatKrw(MAX_BALANCE)}`;
    throw new ValidationError([{ field: "amount", message: room > 0 ? `${limit}: you can add up to ${formatKrw(room)} now` : `${limit}, which it has reached` }]);
  }
  const view = ledgerEntryView({ id: entry.id, kind: entry.kind, amount: entry.amount, balanceAfter: entry.balance_after, paymentId: null, createdAt: entry.created_at });
  return { balance: entry.balance_after, transaction: view };
}
