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

const WALL_CLOCKS = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at this instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  let format = WALL_CLOCKS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    WALL_CLOCKS.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time ("2027-01-10T19:00", as a datetime-local input gives it)
 * names in `timeZone`, or null when it is not such a time. A time a clock change skips is
 * read with the offset before the change.
 */
export function instantOfWallTime(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offset depends on the instant, which depends on the offset: a second look settles it.
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone));
}

/** The wall-clock time an instant shows in `timeZone`, as a datetime-local input takes it ("2027-01-10T19:00"). */
export function wallTimeOfInstant(instant: string | Date, timeZone: string): string {
  const at = new Date(instant).getTime();
  return new Date(at + offsetAt(at, timeZone)).toISOString().slice(0, 16);
}
