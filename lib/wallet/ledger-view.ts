import type { LedgerEntryView } from "../schemas/wallet";

export function ledgerEntryView(entry: {
  id: string;
  kind: "CHARGE" | "PAYMENT";
  amount: number;
  balanceAfter: number;
  paymentId: string | null;
  createdAt: Date;
}): LedgerEntryView {
  const { id, kind, amount, balanceAfter, paymentId, createdAt } = entry;
  return { id, kind, amount, balanceAfter, paymentId, createdAt: createdAt.toISOString() };
}
