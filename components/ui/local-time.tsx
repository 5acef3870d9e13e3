"use client";

import { useLocale } from "next-intl";
import { useSyncExternalStore } from "react";
import { formatDateTime, formatTimeOfDay } from "@/lib/date-time";

const unchanging = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * An instant shown in `timeZone` (a show's venue: the same text on the server and in every
 * browser), or else in the viewer's own zone, in the page's language. The server cannot
 * know the viewer's zone, so it prints UTC, named as such, and the browser puts its own
 * right after hydrating.
 */
export function LocalTime({ iso, timeZone, timeOnly, className }: { iso: string; timeZone?: string; timeOnly?: boolean; className?: string }) {
  const locale = useLocale();
  const viewerZone = useSyncExternalStore(unchanging, browserTimeZone, () => "UTC");
  const zone = timeZone ?? viewerZone;
  return (
    <time dateTime={iso} className={className}>
      {timeOnly ? formatTimeOfDay(iso, zone, locale) : formatDateTime(iso, zone, locale)}
    </time>
  );
}
