import { describe, expect, it } from "vitest";
import { etaParts, formatCountdown } from "./format";

describe("queue formats", () => {
  it("words an ETA by size, rounding to minutes", () => {
    expect(etaParts(null)).toEqual({ key: "estimating", values: {} });
    expect(etaParts(59)).toEqual({ key: "underMinute", values: {} });
    expect(etaParts(150)).toEqual({ key: "minutes", values: { minutes: 3 } });
    expect(etaParts(3_900)).toEqual({ key: "hours", values: { hours: 1, minutes: 5 } });
  });

  it("counts down in m:ss, never below zero", () => {
    expect(formatCountdown(61_001)).toBe("1:02");
    expect(formatCountdown(-5)).toBe("0:00");
    expect(formatCountdown(3_725_000)).toBe("1:02:05");
  });
});
