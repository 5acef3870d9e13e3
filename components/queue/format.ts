/** m:ss for a countdown, h:mm:ss from an hour. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const two = (n: number) => String(n).padStart(2, "0");
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/** Which words an ETA in seconds takes: "estimating…", "under a minute", "about 3 min", "about 1 h 5 min". */
export function etaParts(seconds: number | null): { key: "estimating" | "underMinute" | "minutes" | "hours"; values: Record<string, number> } {
  if (seconds === null) return { key: "estimating", values: {} };
  if (seconds < 60) return { key: "underMinute", values: {} };
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return { key: "minutes", values: { minutes } };
  return { key: "hours", values: { hours: Math.floor(minutes / 60), minutes: minutes % 60 } };
}
