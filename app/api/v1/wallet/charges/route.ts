// POST /api/v1/wallet/charges – top up your wallet (Idempotency-Key required)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { chargeBody, chargeView } from "@/lib/schemas/wallet";
import { chargeWallet } from "@/lib/wallet/charge-wallet";

export const POST = route(
  {
    auth: "user",
    scope: "payments",
    body: chargeBody,
    rateLimit: "charges",
    idempotent: "wallet.charge",
    doc: { summary: "Top up your wallet", tag: "Wallet", responses: { 201: { description: "The new balance and its ledger row", schema: chargeView } } },
  },
  async ({ user, body, tx }) => created(await chargeWallet(tx, user.id, body.amount)),
);

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
