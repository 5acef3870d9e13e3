import type { Locale } from "./i18n/locale";

const FORMATS = new Map<string, Intl.DateTimeFormat>();
const TIMES_OF_DAY = new Map<string, Intl.DateTimeFormat>();
const REGION: Record<Locale, string> = { en: "en-US", ko: "ko-KR" };
// Korean times use the 24-hour clock, as tickets there are usually printed (19:00); it also
// avoids ICU versions that disagree on the day period ("오후" or "PM"), which would make the
// server's text and the browser's differ.
const HOUR_CYCLE: Record<Locale, Intl.DateTimeFormatOptions["hourCycle"]> = { en: "h12", ko: "h23" };

function cached(cache: Map<string, Intl.DateTimeFormat>, locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale} ${timeZone}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(REGION[locale], { ...options, hourCycle: HOUR_CYCLE[locale], timeZone });
    cache.set(key, format);
  }
  return format;
}

/**
 * An instant as a wall-clock date and time in `timeZone`, with the zone named, e.g.
 * "Sat, Dec 12, 2026, 7:00 PM GMT+9" or "2026년 12월 12일 (토) 19:00 GMT+9". Pure: the
 * server and every browser print the same text for the same zone and language, so a page
 * never changes on hydration. Spacing is normalised because ICU versions differ in the
 * space they put before AM/PM.
 */
export function formatDateTime(instant: string | Date, timeZone: string, locale: Locale = "en"): string {
  const format = cached(FORMATS, locale, timeZone, {
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
  return format.format(new Date(instant)).replace(/\s+/g, " ");
}

/** The wall-clock time of day in `timeZone`, e.g. "7:42 PM" or "19:42" (spacing normalised likewise). */
export function formatTimeOfDay(instant: string | Date, timeZone: string, locale: Locale = "en"): string {
  return cached(TIMES_OF_DAY, locale, timeZone, { hour: "numeric", minute: "2-digit" })
    .format(new Date(instant))
    .replace(/\s+/g, " ");
}
