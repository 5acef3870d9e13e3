"use client";

/** A UTC instant shown in the viewer's own time zone and locale. */
export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const text = new Date(iso).toLocaleString(undefined, {
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  // The server renders in its own zone; the browser's rendering is the one that counts.
  return (
    <time dateTime={iso} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
