import { describe, expect, it } from "vitest";
import { addRows, addSection, formatSeatList, moveSection, nextRowLabel, parseSeatList } from "./layout-edits";
import { layoutProblems, layoutSeatCount, type VenueLayout } from "./venue-layout";

const empty: VenueLayout = { sections: [] };

describe("layout edits", () => {
  it("label rows on from the last one", () => {
    expect(["A", "Z", "AZ", "ZZ", "9", "b"].map(nextRowLabel)).toEqual(["B", "AA", "BA", "AAA", "10", "C"]);
  });

  it("add sections below each other, clear of overlaps, and rows on from the last", () => {
    let layout = addSection(empty, "Floor", 20, 50);
    layout = addSection(layout, "Balcony", 20, 50);
    layout = addRows(layout, 1, 2, 40);
    expect(layout.sections.map((s) => [s.name, s.x, s.y])).toEqual([["Floor", 0, 0], ["Balcony", 0, 22]]);
    expect(layout.sections[1]!.rows.slice(-3).map((r) => [r.label, r.seats])).toEqual([["T", 50], ["U", 40], ["V", 40]]);
    expect(layoutSeatCount(layout)).toBe(2080);
    expect(layoutProblems(layout)).toEqual([]);
  });

  it("move sections by whole seats and never off the plan", () => {
    const layout = addSection(empty, "Floor", 2, 5);
    expect(moveSection(layout, 0, 3.4, -2).sections[0]).toMatchObject({ x: 3, y: 0 });
  });

  it("read and write seat lists with ranges", () => {
    expect(parseSeatList("1, 2,5-7")).toEqual([1, 2, 5, 6, 7]);
    expect(parseSeatList("")).toEqual([]);
    expect(parseSeatList("3-1")).toBeNull();
    expect(parseSeatList("one")).toBeNull();
    expect(parseSeatList("1-2001")).toBeNull();
    expect(formatSeatList([7, 1, 2, 5, 6])).toBe("1, 2, 5-7");
  });
});
