import { ValidationError } from "../errors";
import { formatKrw } from "../money";
import type { ChargeView } from "../schemas/wallet";
import type { Tx } from "../transaction";
import { ledgerEntryView } from "./ledger-view";
import { MAX_BALANCE } from "./policy";

/**
 * Adds money to the user's wallet: one conditional UPDATE (the cap is checked by the
 * database, so racing charges cannot pass it together) and one ledger row, in the
 * caller's transaction.
 */
export async function chargeWallet(tx: Tx, userId: string, amount: number): Promise<ChargeView> {
  const [wallet] = await tx.$queryRaw<{ balance: number }[]>`
    UPDATE wallets SET balance = balance + ${amount}, updated_at = now()
     WHERE user_id = ${userId}::uuid AND balance + ${amount} <= ${MAX_BALANCE}
    RETURNING balance`;
  if (!wallet) {
    throw new ValidationError([{ field: "amount", message: `would take your balance over the wallet limit of ${formatKrw(MAX_BALANCE)}` }]);
  }
  const entry = await tx.ledgerEntry.create({
    data: { userId, kind: "CHARGE", amount, balanceAfter: wallet.balance },
  });
  return { balance: wallet.balance, transaction: ledgerEntryView(entry) };
}
