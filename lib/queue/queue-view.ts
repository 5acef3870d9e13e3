import type { EntryStatus, QueueCounters, QueueEntry } from "./queue-store";

/** A person's place in line as the API and the waiting-room page show it. */
export interface QueueView {
  status: EntryStatus;
  /** Null in the pre-queue, until the draw places you. */
  number: number | null;
  /** People to be admitted before you, you included (0 once admitted); null in the pre-queue. */
  position: number | null;
  /** Estimated seconds until admission; null while there is no measured admission rate. Held still while paused. */
  etaSeconds: number | null;
  activeUntil: string | null;
  /** When to poll again; null once there is nothing left to wait for. */
  pollAfterMs: number | null;
  serving: number;
  /** The organizer stopped admissions for now: everyone keeps their place. */
  paused: boolean;
  /** Your pre-queue entry id, to find yourself in the published draw; null for arrivals after it. */
  entryId: string | null;
  /** When the draw is made, while you are in the pre-queue. */
  drawAt: string | null;
  /** Ask about your own place (GET /queue/status) at least this often while waiting, or it is skipped as abandoned; null: no need. */
  keepAliveMs: number | null;
}

/** What the view needs of the concert's sale. */
export interface ViewContext {
  drawAt: Date | null;
  abandonAfterSeconds: number | null;
}

// Polling tempo: fast near the front, slow far back, so a long line costs the origin
// little; always bounded so nobody waits long to notice their turn.
const MIN_POLL_MS = 1_000;
const MAX_POLL_MS = 15_000;
const UNKNOWN_RATE_POLL_MS = 3_000;
/** After the open, the pre-queue's polls spread over this long, so the draw is not met by everyone at once. */
const DRAW_SPREAD_MS = 5_000;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

const NO_CONTEXT: ViewContext = { drawAt: null, abandonAfterSeconds: null };

export function queueView(entry: QueueEntry, counters: QueueCounters, now: Date, { drawAt, abandonAfterSeconds } = NO_CONTEXT): QueueView {
  const waiting = entry.status === "WAITING" && entry.number !== null;
  const position = waiting ? Math.max(1, entry.number! - counters.serving) : entry.status === "PRE_QUEUE" ? null : 0;
  const etaSeconds = waiting && counters.admitRate > 0.001 ? Math.ceil(position! / counters.admitRate) : null;
  return {
    status: entry.status,
    number: entry.number,
    position,
    etaSeconds,
    activeUntil: entry.activeUntil?.toISOString() ?? null,
    pollAfterMs: pollAfter(entry, etaSeconds, now, drawAt),
    serving: counters.serving,
    paused: counters.paused,
    entryId: entry.entryId,
    drawAt: entry.status === "PRE_QUEUE" ? (drawAt?.toISOString() ?? null) : null,
    // A third of the limit: two missed asks in a row still keep the place.
    keepAliveMs: abandonAfterSeconds ? Math.round((abandonAfterSeconds * 1000) / 3) : null,
  };
}

function pollAfter(entry: QueueEntry, etaSeconds: number | null, now: Date, drawAt: Date | null): number | null {
  if (entry.status === "EXPIRED") return null;
  if (entry.status === "ACTIVE") {
    // Often enough to notice the end of shopping time without waiting long past it.
    const remaining = (entry.activeUntil?.getTime() ?? now.getTime()) - now.getTime();
    return Math.round(clamp(remaining / 4, MIN_POLL_MS, MAX_POLL_MS * 2));
  }
  if (entry.status === "PRE_QUEUE") {
    // Until the draw, slowly; from it, within a spread set by the entry id.
    const untilDraw = (drawAt?.getTime() ?? now.getTime()) - now.getTime();
    return Math.round(clamp(untilDraw + spreadOf(entry.entryId), MIN_POLL_MS, MAX_POLL_MS));
  }
  if (etaSeconds === null) return UNKNOWN_RATE_POLL_MS;
  return Math.round(clamp((etaSeconds * 1000) / 10, MIN_POLL_MS, MAX_POLL_MS));
}

/** A stable share of DRAW_SPREAD_MS for this entry (its id is random). */
function spreadOf(entryId: string | null): number {
  let hash = 0;
  for (const char of entryId ?? "") hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % DRAW_SPREAD_MS;
}
