import type { EntryStatus, QueueCounters, QueueEntry } from "./queue-store";

/** A person's place in line as the API and the waiting-room page show it. */
export interface QueueView {
  status: EntryStatus;
  number: number;
  /** People to be admitted before you, you included (0 once admitted). */
  position: number;
  /** Estimated seconds until admission; null while there is no measured admission rate. */
  etaSeconds: number | null;
  activeUntil: string | null;
  /** When to poll again; null once there is nothing left to wait for. */
  pollAfterMs: number | null;
  serving: number;
}

// Polling tempo: fast near the front, slow far back, so a long line costs the origin
// little; always bounded so nobody waits long to notice their turn.
const MIN_POLL_MS = 1_000;
const MAX_POLL_MS = 15_000;
const UNKNOWN_RATE_POLL_MS = 3_000;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function queueView(entry: QueueEntry, counters: QueueCounters, now: Date): QueueView {
  const waiting = entry.status === "WAITING";
  const position = waiting ? Math.max(1, entry.number - counters.serving) : 0;
  const etaSeconds = waiting && counters.admitRate > 0.001 ? Math.ceil(position / counters.admitRate) : null;
  return {
    status: entry.status,
    number: entry.number,
    position,
    etaSeconds,
    activeUntil: entry.activeUntil?.toISOString() ?? null,
    pollAfterMs: pollAfter(entry, etaSeconds, now),
    serving: counters.serving,
  };
}

function pollAfter(entry: QueueEntry, etaSeconds: number | null, now: Date): number | null {
  if (entry.status === "EXPIRED") return null;
  if (entry.status === "ACTIVE") {
    // Often enough to notice the end of shopping time without waiting long past it.
    const remaining = (entry.activeUntil?.getTime() ?? now.getTime()) - now.getTime();
    return Math.round(clamp(remaining / 4, MIN_POLL_MS, MAX_POLL_MS * 2));
  }
  if (etaSeconds === null) return UNKNOWN_RATE_POLL_MS;
  return Math.round(clamp((etaSeconds * 1000) / 10, MIN_POLL_MS, MAX_POLL_MS));
}
