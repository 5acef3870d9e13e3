import { describe, expect, it } from "vitest";
import { RETRY_DELAYS_S, retryDelaySeconds } from "./deliveries";

describe("webhook retry schedule", () => {
  it("backs off over about a day, within a tenth either way, and then gives up", () => {
    const total = RETRY_DELAYS_S.reduce((sum, s) => sum + s, 0);
    expect(total / 3600).toBeGreaterThan(22);
    expect(total / 3600).toBeLessThanOrEqual(24);
    expect(RETRY_DELAYS_S).toEqual([...RETRY_DELAYS_S].sort((a, b) => a - b));
    expect(retryDelaySeconds(1, () => 0)).toBe(Math.round(RETRY_DELAYS_S[0]! * 0.9));
    expect(retryDelaySeconds(2, () => 1)).toBe(Math.round(RETRY_DELAYS_S[1]! * 1.1));
    expect(retryDelaySeconds(RETRY_DELAYS_S.length + 1)).toBeNull();
  });
});
