import { getTranslations } from "next-intl/server";
import { WalletPanel } from "@/components/wallet/wallet-panel";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("wallet");

export default async function WalletPage() {
  await requireSignedIn("/wallet");
  const t = await getTranslations("Titles");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("wallet")}</h1>
      <WalletPanel />
    </div>
  );
}
