// GET /api/v1/wallet/transactions – your ledger, newest first, cursor-paginated
import { otherMethods } from "@/lib/http/method-not-allowed";
import { pageOf } from "@/lib/pagination";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { ledgerEntryView, transactionsQuery } from "@/lib/schemas/wallet";
import { listTransactions } from "@/lib/wallet/get-wallet";

export const GET = route(
  {
    auth: "user",
    query: transactionsQuery,
    doc: { summary: "Your ledger, newest first", tag: "Wallet", responses: { 200: { description: "A page of ledger rows", schema: pageOf(ledgerEntryView) } } },
  },
  async ({ user, query }) =>
  json(await listTransactions(user.id, query), 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
