import { describe, expect, it } from "vitest";
import { layoutSeatCount, MAX_VENUE_SEATS, rowSeatNumbers, sectionSize, venueLayout } from "./venue-layout";

const row = (label: string, seats: number, extra: Record<string, unknown> = {}) => ({ label, seats, ...extra });
const section = (name: string, x: number, y: number, rows: unknown[]) => ({ name, x, y, rows });
const issues = (layout: unknown) => {
  const result = venueLayout.safeParse(layout);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("venue layouts", () => {
  it("number a row from its first number, past skipped numbers, and size sections with their aisles", () => {
    expect(rowSeatNumbers({ seats: 5, firstNumber: 11, skip: [13] })).toEqual([11, 12, 14, 15, 16]);
    expect(sectionSize({ rows: [row("A", 10, { aisleAfter: [5] }), row("B", 8)] as never })).toEqual({ width: 11, height: 2 });
    const layout = venueLayout.parse({ sections: [section("Floor", 0, 0, [row("A", 10), row("B", 12)]), section("Balcony", 0, 5, [row("A", 20)])] });
    expect(layoutSeatCount(layout)).toBe(42);
    expect(layout.sections[0]!.rows[0]).toMatchObject({ firstNumber: 1, numbering: "LEFT_TO_RIGHT", skip: [], blocked: [] });
  });

  it("refuse sections that overlap on the plan or share a name, and rows that share a label", () => {
    expect(issues({ sections: [section("Floor", 0, 0, [row("A", 10)]), section("floor", 5, 0, [row("A", 10)])] })).toEqual([
      "sections.1.name: repeats the name of section 1",
      "sections.1.x: places this section over section Floor",
    ]);
    // Side by side is fine; one seat further in is not.
    expect(issues({ sections: [section("Left", 0, 0, [row("A", 10)]), section("Right", 10, 0, [row("A", 10)])] })).toEqual([]);
    expect(issues({ sections: [section("Left", 0, 0, [row("A", 10, { aisleAfter: [5] })]), section("Right", 10, 0, [row("A", 10)])] })).toEqual([
      "sections.1.x: places this section over section Left",
    ]);
    expect(issues({ sections: [section("Floor", 0, 0, [row("A", 10), row("a", 10)])] })).toEqual(["sections.0.rows.1.label: repeats row a of section Floor"]);
  });

  it("refuse marks on seats a row does not have, and more seats than a venue holds", () => {
    // Seats 1–3 and 5–11: skipping 4 moves the tenth seat to 11.
    expect(issues({ sections: [section("Floor", 0, 0, [row("A", 10, { skip: [4], accessible: [4, 11], blocked: [12] })])] })).toEqual([
      "sections.0.rows.0.accessible: names seat 4, which row A does not have",
      "sections.0.rows.0.blocked: names seat 12, which row A does not have",
    ]);
    const rows = Array.from({ length: 201 }, (_, i) => row(`R${i}`, 500));
    expect(issues({ sections: [section("Huge", 0, 0, rows)] })).toEqual([`sections: hold 100500 seats; a venue holds at most ${MAX_VENUE_SEATS}`]);
  });

  it("name the field at fault for bad input", () => {
    expect(issues({ sections: [section("", -1, 0, [row("A", 0)])] })).toEqual([
      "sections.0.name: is required",
      "sections.0.x: Too small: expected number to be >=0",
      "sections.0.rows.0.seats: must be at least 1",
    ]);
    expect(issues({ sections: [] })).toEqual(["sections: must have at least one section"]);
  });
});
