import { describe, expect, it } from "vitest";
import { fixedOnSaleTimes, onSaleAfter, onSaleProblems, type OnSaleTimes } from "./on-sale-settings";

const now = new Date("2027-03-01T09:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const none: OnSaleTimes = { preQueueOpensAt: null, salesOpenAt: null, admissionSchedule: [] };

describe("on-sale settings", () => {
  it("keeps what a change leaves out", () => {
    const current = { preQueueOpensAt: at(10), salesOpenAt: at(40), admissionSchedule: [{ fromMinute: 0, admitPerMinute: 100 }] };
    expect(onSaleAfter(current, { salesOpenAt: at(50) })).toEqual({ ...current, salesOpenAt: at(50) });
    expect(onSaleAfter(current, { preQueueOpensAt: null })).toEqual({ ...current, preQueueOpensAt: null });
  });

  it("needs the open after the pre-queue, a future pre-queue, and an open for a ramp", () => {
    expect(onSaleProblems({ ...none, preQueueOpensAt: at(10), salesOpenAt: at(40) }, none, now)).toEqual([]);
    expect(onSaleProblems({ ...none, preQueueOpensAt: at(10) }, none, now).map((p) => p.field)).toEqual(["settings.salesOpenAt"]);
    expect(onSaleProblems({ ...none, preQueueOpensAt: at(40), salesOpenAt: at(40) }, none, now).map((p) => p.field)).toEqual(["settings.preQueueOpensAt"]);
    expect(onSaleProblems({ ...none, preQueueOpensAt: at(-5), salesOpenAt: at(40) }, none, now)[0]?.message).toBe("must be in the future");
    expect(onSaleProblems({ ...none, admissionSchedule: [{ fromMinute: 0, admitPerMinute: 5 }] }, none, now).map((p) => p.field)).toEqual(["settings.admissionSchedule"]);
  });

  it("leaves an opened pre-queue's times as they are, and a past time that did not change", () => {
    const opened = { ...none, preQueueOpensAt: at(-5), salesOpenAt: at(25) };
    expect(onSaleProblems(opened, opened, now)).toEqual([]);
    expect(fixedOnSaleTimes(opened, opened, now)).toEqual([]);
    expect(fixedOnSaleTimes({ ...opened, salesOpenAt: at(60) }, opened, now).map((p) => p.field)).toEqual(["settings.salesOpenAt"]);
    expect(fixedOnSaleTimes({ ...opened, preQueueOpensAt: null }, opened, now).map((p) => p.field)).toEqual(["settings.preQueueOpensAt"]);
    const upcoming = { ...none, preQueueOpensAt: at(5), salesOpenAt: at(35) };
    expect(fixedOnSaleTimes({ ...upcoming, salesOpenAt: at(60) }, upcoming, now)).toEqual([]);
  });
});
