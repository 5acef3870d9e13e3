// The languages the site speaks, and which one a visitor gets.

export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** Set by the language switcher; a choice made there beats the browser's languages. */
export const LOCALE_COOKIE = "NEXT_LOCALE";

const isLocale = (value: string | undefined): value is Locale => LOCALES.includes(value as Locale);

/**
 * The visitor's language: the one they chose, else the first of their browser's languages
 * (by Accept-Language weight) that we speak, else English. "ko-KR" counts as "ko".
 */
export function pickLocale(chosen: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(chosen)) return chosen;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { language: tag.toLowerCase().split("-")[0], weight: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.weight > 0 && !Number.isNaN(entry.weight))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? DEFAULT_LOCALE;
}
