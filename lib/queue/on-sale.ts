import { ADMIT_INTERVAL_MS } from "./queue-store";

// When a concert's line opens, and how fast it admits as the sale goes on. Pure.

export interface OnSale {
  /** From then, entrants join the pre-queue; null: no pre-queue. */
  preQueueOpensAt: Date | null;
  /** Admission starts; the pre-queue is drawn. Null: the line is always open, in arrival order. */
  salesOpenAt: Date | null;
  /** When the pre-queue's draw was made; null until then. */
  drawnAt: Date | null;
}

export type OnSalePhase =
  /** Nobody may join yet. */
  | { kind: "NOT_OPEN"; opensAt: Date }
  /** Entrants join the pre-queue, to be placed by the draw at salesOpenAt. */
  | { kind: "PRE_QUEUE"; salesOpenAt: Date }
  /** Entrants join in arrival order (behind the draw, if there was one). */
  | { kind: "OPEN" };

export function onSalePhase(onSale: OnSale, now: Date): OnSalePhase {
  const { preQueueOpensAt, salesOpenAt } = onSale;
  if (!salesOpenAt || now >= salesOpenAt) return { kind: "OPEN" };
  if (preQueueOpensAt && now >= preQueueOpensAt) return { kind: "PRE_QUEUE", salesOpenAt };
  return { kind: "NOT_OPEN", opensAt: preQueueOpensAt ?? salesOpenAt };
}

/** The sale has opened and its pre-queue still waits for its draw. */
export const drawIsDue = (onSale: OnSale, now: Date): boolean =>
  onSale.preQueueOpensAt !== null && onSale.salesOpenAt !== null && onSale.drawnAt === null && now >= onSale.salesOpenAt;

/** One step of an admission ramp: from this many minutes after the open, this many admissions a minute. */
export interface AdmissionStep {
  fromMinute: number;
  admitPerMinute: number;
}

/**
 * Admissions per admission step at `now` under a ramp (steps run about once per
 * ADMIT_INTERVAL_MS); null when no step applies (no ramp, or before the open), so the
 * concert's fixed setting does. A ramp counts from salesOpenAt.
 */
export function scheduledAdmitPerTick(schedule: readonly AdmissionStep[], salesOpenAt: Date | null, now: Date): number | null {
  if (schedule.length === 0 || !salesOpenAt) return null;
  const minutes = (now.getTime() - salesOpenAt.getTime()) / 60_000;
  const step = [...schedule].sort((a, b) => a.fromMinute - b.fromMinute).findLast((s) => s.fromMinute <= minutes);
  return step ? Math.max(1, Math.round((step.admitPerMinute * ADMIT_INTERVAL_MS) / 60_000)) : null;
}

/**
 * The bot challenge the console suggests: about 50,000 SHA-256 hashes on average, around a
 * second in a phone's or laptop's browser (measured by npm run bench:challenge).
 */
export const SUGGESTED_CHALLENGE_DIFFICULTY = 100_000;
