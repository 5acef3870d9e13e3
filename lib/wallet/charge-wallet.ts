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
    throw new ValidationError([{ field: "amount", message: `would take your balance over the wallet limit of ${formatKrw(MAX_BALANCE)}` }]);
  }
  const view = ledgerEntryView({ id: entry.id, kind: entry.kind, amount: entry.amount, balanceAfter: entry.balance_after, paymentId: null, createdAt: entry.created_at });
  return { balance: entry.balance_after, transaction: view };
}
