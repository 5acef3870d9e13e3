import { describe, expect, it } from "vitest";
import { formatRamp, parseRamp } from "./admission-ramp";

describe("admission ramp text", () => {
  it("reads what it writes", () => {
    const steps = [
      { fromMinute: 0, admitPerMinute: 600 },
      { fromMinute: 5, admitPerMinute: 1200 },
    ];
    expect(formatRamp(steps)).toBe("0:600, 5:1200");
    expect(parseRamp(" 0 : 600,5:1200 ,")).toEqual(steps);
    expect(parseRamp("")).toEqual([]);
  });

  it("refuses a step that is not minute:count", () => {
    expect(parseRamp("0:600, soon:5")).toBeNull();
    expect(parseRamp("-1:5")).toBeNull();
  });
});
