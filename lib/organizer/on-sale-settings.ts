import type { FieldError } from "../errors";
import type { AdmissionStep } from "../queue/on-sale";

// The rules for a concert's on-sale times and ramp as an organizer changes them. Pure.

export interface OnSaleTimes {
  preQueueOpensAt: Date | null;
  salesOpenAt: Date | null;
  admissionSchedule: AdmissionStep[];
}

type OnSaleChange = Partial<OnSaleTimes>;

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** The times and ramp after `change`: what it leaves out stays as it was. */
export const onSaleAfter = (current: OnSaleTimes, change: OnSaleChange): OnSaleTimes => ({
  preQueueOpensAt: change.preQueueOpensAt === undefined ? current.preQueueOpensAt : change.preQueueOpensAt,
  salesOpenAt: change.salesOpenAt === undefined ? current.salesOpenAt : change.salesOpenAt,
  admissionSchedule: change.admissionSchedule ?? current.admissionSchedule,
});

/** Why these on-sale settings do not hold together (field names as the API takes them). */
export function onSaleProblems(next: OnSaleTimes, current: OnSaleTimes, now: Date): FieldError[] {
  const problems: FieldError[] = [];
  const field = (name: string, message: string) => problems.push({ field: `settings.${name}`, message });
  if (next.preQueueOpensAt && !next.salesOpenAt) field("salesOpenAt", "is required with a pre-queue: the draw is made then");
  if (next.preQueueOpensAt && next.salesOpenAt && next.preQueueOpensAt >= next.salesOpenAt) field("preQueueOpensAt", "must be before salesOpenAt");
  if (next.preQueueOpensAt && !same(next.preQueueOpensAt, current.preQueueOpensAt) && next.preQueueOpensAt <= now) {
    field("preQueueOpensAt", "must be in the future");
  }
  if (next.admissionSchedule.length && !next.salesOpenAt) field("admissionSchedule", "needs salesOpenAt: its minutes count from then");
  return problems;
}

/**
 * The on-sale times a change may not move: once the pre-queue has opened, fans are in it
 * under a published commitment, so its times are fixed.
 */
export function fixedOnSaleTimes(next: OnSaleTimes, current: OnSaleTimes, now: Date): FieldError[] {
  if (!current.preQueueOpensAt || current.preQueueOpensAt > now) return [];
  const message = "cannot change once the pre-queue has opened";
  return (["preQueueOpensAt", "salesOpenAt"] as const)
    .filter((name) => !same(next[name], current[name]))
    .map((name) => ({ field: `settings.${name}`, message }));
}
