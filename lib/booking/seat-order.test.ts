import { describe, expect, it } from "vitest";
import { bySeat } from "./seat-order";

describe("bySeat", () => {
  it("orders by section, then row with numbers read as numbers, then seat number", () => {
    const seats = [
      { section: "B", row: "10", number: 1 },
      { section: "A", row: "2", number: 7 },
      { section: "B", row: "9", number: 3 },
      { section: "A", row: "2", number: 3 },
      { section: "B", row: "9", number: 12 },
    ];
    expect(seats.sort(bySeat).map((s) => `${s.section}${s.row}-${s.number}`)).toEqual(["A2-3", "A2-7", "B9-3", "B9-12", "B10-1"]);
  });
});
