import Link from "next/link";
import { useTranslations } from "next-intl";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("notFound");

export default function NotFound() {
  const t = useTranslations("NotFound");
  return (
    <div className="mx-auto max-w-md space-y-4 py-12 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">404</p>
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-slate-600">{t("body")}</p>
      <Link href="/" className="inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        {t("home")}
      </Link>
    </div>
  );
}
