// GET /api/v1/wallet – your balance and the wallet's limits
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { getWallet } from "@/lib/wallet/get-wallet";

export const GET = route({ auth: "user" }, async ({ user }) => json(await getWallet(user.id), 200, { "cache-control": "no-store" }));
