import { db } from "../db";
import { afterCursor, newestFirst, newestFirstCursorOf, toPage, type Page, type PageQuery } from "../pagination";
import type { LedgerEntryView } from "../schemas/wallet";
import { ledgerEntryView } from "./ledger-view";
import { MAX_BALANCE, MAX_CHARGE } from "./policy";

export async function getWallet(userId: string) {
  const wallet = await db.wallet.findUnique({ where: { userId }, select: { balance: true } });
  return { balance: wallet?.balance ?? 0, limits: { perCharge: MAX_CHARGE, maxBalance: MAX_BALANCE } };
}

/** The ledger, newest first. */
export async function listTransactions(userId: string, query: PageQuery): Promise<Page<LedgerEntryView>> {
  const rows = await db.ledgerEntry.findMany({
    where: { userId, ...afterCursor(query.cursor) },
    orderBy: newestFirst,
    take: query.limit + 1,
    select: { id: true, kind: true, amount: true, balanceAfter: true, paymentId: true, createdAt: true },
  });
  return toPage(rows, query.limit, ledgerEntryView, newestFirstCursorOf);
}
