const FORMATS = new Map<string, Intl.DateTimeFormat>();
const TIMES_OF_DAY = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as a wall-clock date and time in `timeZone`, with the zone named, e.g.
 * "Sat, Dec 12, 2026, 7:00 PM GMT+9". Pure: the server and every browser print the same
 * text for the same zone, so a page never changes on hydration. Spacing is normalised
 * because ICU versions differ in the space they put before AM/PM.
 */
export function formatDateTime(instant: string | Date, timeZone: string): string {
  let format = FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      weekday: "short",
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
    FORMATS.set(timeZone, format);
  }
  return format.format(new Date(instant)).replace(/\s+/g, " ");
}

/** The wall-clock time of day in `timeZone`, e.g. "7:42 PM" (spacing normalised likewise). */
export function formatTimeOfDay(instant: string | Date, timeZone: string): string {
  let format = TIMES_OF_DAY.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone });
    TIMES_OF_DAY.set(timeZone, format);
  }
  return format.format(new Date(instant)).replace(/\s+/g, " ");
}
