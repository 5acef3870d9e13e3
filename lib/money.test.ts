import { describe, expect, it } from "vitest";
import { formatKrw } from "./money";

describe("formatKrw", () => {
  it("formats whole won with grouping and the won sign", () => {
    expect(formatKrw(165_000)).toBe("₩165,000");
    expect(formatKrw(0)).toBe("₩0");
  });
});
