// GET /api/v1/wallet/transactions – your ledger, newest first, cursor-paginated
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { transactionsQuery } from "@/lib/schemas/wallet";
import { listTransactions } from "@/lib/wallet/get-wallet";

export const GET = route({ auth: "user", query: transactionsQuery }, async ({ user, query }) =>
  json(await listTransactions(user.id, query), 200, { "cache-control": "no-store" }),
);
