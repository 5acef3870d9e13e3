"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

/** Any page that failed to render: say so plainly, offer a retry and a way home. */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("PageError");
  return (
    <div role="alert" className="mx-auto max-w-md space-y-4 py-12 text-center">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-slate-600">{t("body")}</p>
      <div className="flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t("retry")}
        </button>
        <Link href="/" className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100">
          {t("home")}
        </Link>
      </div>
    </div>
  );
}
