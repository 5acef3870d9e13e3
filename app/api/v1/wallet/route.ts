// GET /api/v1/wallet – your balance and the wallet's limits
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { walletView } from "@/lib/schemas/wallet";
import { getWallet } from "@/lib/wallet/get-wallet";

export const GET = route(
  { auth: "user", doc: { summary: "Your balance and the wallet's limits", tag: "Wallet", responses: { 200: { description: "The wallet", schema: walletView } } } },
  async ({ user }) => json(await getWallet(user.id), 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
