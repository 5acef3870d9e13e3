"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { setPreferenceCookie } from "@/lib/client/preference-cookie";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n/locale";

// Each language is named in itself, so anyone can find their own.
const NAMES: Record<Locale, string> = { en: "English", ko: "한국어" };

/** Switches the site's language; the choice is kept in a cookie and beats the browser's. */
export function LanguageSwitcher() {
  const locale = useLocale();
  const router = useRouter();
  const t = useTranslations("Header");
  return (
    <div role="group" aria-label={t("language")} className="flex rounded-md border border-slate-300 text-xs">
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => {
            setPreferenceCookie(LOCALE_COOKIE, option);
            router.refresh();
          }}
          className="px-2 py-1 first:rounded-l-md last:rounded-r-md hover:bg-slate-100 aria-pressed:bg-slate-800 aria-pressed:text-white"
        >
          {NAMES[option]}
        </button>
      ))}
    </div>
  );
}
