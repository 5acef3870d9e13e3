import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccessTokens } from "@/components/account/access-tokens";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Webhooks } from "@/components/account/webhooks";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("account");

export default async function AccountPage() {
  const user = await requireSignedIn("/account");
  const t = await getTranslations("Titles");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("account")}</h1>
      <p className="text-slate-600">
        {user.name} · {user.email} · <Link href="/docs" className="text-brand-600 underline hover:no-underline">{t("docs")}</Link> ·{" "}
        <Link href="/organizer" className="text-brand-600 underline hover:no-underline">{t("organizer")}</Link>
      </p>
      <AccessTokens />
      <Webhooks />
      <ChangePasswordForm />
    </div>
  );
}
