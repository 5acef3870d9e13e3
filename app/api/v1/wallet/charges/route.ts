// POST /api/v1/wallet/charges – top up your wallet (Idempotency-Key required)
import { idempotently } from "@/lib/http/idempotency";
import { route } from "@/lib/http/route";
import { chargeBody, chargeView } from "@/lib/schemas/wallet";
import { chargeWallet } from "@/lib/wallet/charge-wallet";

export const POST = route(
  {
    auth: "user",
    body: chargeBody,
    rateLimit: "charges",
    doc: { summary: "Top up your wallet", tag: "Wallet", idempotent: true, responses: { 201: { description: "The new balance and its ledger row", schema: chargeView } } },
  },
  async ({ request, user, body }) =>
  idempotently(request, user.id, "wallet.charge", body, {
    run: async (tx) => ({ status: 201, body: await chargeWallet(tx, user.id, body.amount) }),
  }),
);
