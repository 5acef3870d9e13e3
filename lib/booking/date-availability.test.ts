import { describe, expect, it } from "vitest";
import { availabilityOf } from "./date-availability";

describe("availabilityOf", () => {
  const date = (available: number, onSale = true) => ({ onSale, seats: { total: 1_000, available } });

  it("calls a date sold out when no seat is free, on sale or not", () => {
    expect(availabilityOf(date(0))).toBe("SOLD_OUT");
    expect(availabilityOf(date(0, false))).toBe("SOLD_OUT");
  });

  it("says a date with seats is not on sale yet before its sale opens", () => {
    expect(availabilityOf(date(1_000, false))).toBe("NOT_ON_SALE_YET");
  });

  it("calls a date selling fast under a fifth of its seats free", () => {
    expect(availabilityOf(date(199))).toBe("SELLING_FAST");
    expect(availabilityOf(date(200))).toBe("AVAILABLE");
    expect(availabilityOf(date(1_000))).toBe("AVAILABLE");
  });
});
