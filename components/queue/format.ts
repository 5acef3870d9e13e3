/** mm:ss for a countdown. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** Which words an ETA in seconds takes: "estimating…", "under a minute", "about 3 min", "about 1 h 5 min". */
export function etaParts(seconds: number | null): { key: "estimating" | "underMinute" | "minutes" | "hours"; values: Record<string, number> } {
  if (seconds === null) return { key: "estimating", values: {} };
  if (seconds < 60) return { key: "underMinute", values: {} };
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return { key: "minutes", values: { minutes } };
  return { key: "hours", values: { hours: Math.floor(minutes / 60), minutes: minutes % 60 } };
}
