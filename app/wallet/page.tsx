import type { Metadata } from "next";
import { WalletPanel } from "@/components/wallet/wallet-panel";
import { requireSignedIn } from "@/components/auth/require-signed-in";

export const metadata: Metadata = { title: "Wallet" };

export default async function WalletPage() {
  await requireSignedIn("/wallet");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Wallet</h1>
      <WalletPanel />
    </div>
  );
}
