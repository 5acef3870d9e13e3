// POST /api/v1/wallet/charges – top up your wallet (Idempotency-Key required)
import { idempotently } from "@/lib/http/idempotency";
import { route } from "@/lib/http/route";
import { chargeBody } from "@/lib/schemas/wallet";
import { chargeWallet } from "@/lib/wallet/charge-wallet";

export const POST = route({ auth: "user", body: chargeBody, rateLimit: "charges" }, async ({ request, user, body }) =>
  idempotently(request, user.id, "wallet.charge", body, {
    run: async (tx) => ({ status: 201, body: await chargeWallet(tx, user.id, body.amount) }),
  }),
);
