import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { layoutFromCsv } from "./layout-csv";

const problems = (csv: string) => {
  try {
    layoutFromCsv(csv);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).errors.map((e) => `${e.field}: ${e.message}`);
  }
};

describe("layouts from a seat list (CSV)", () => {
  it("keep sections and rows in their order, skip the numbers a row lacks, and place sections apart", () => {
    const layout = layoutFromCsv(
      ["Section,Row,Seat,Tier", "Floor,A,1,R", "Floor,A,2,R", "Floor,A,4,R", "Floor,B,1,R", '"Balcony, left",A,7,S', '"Balcony, left",A,8,S', ""].join("\r\n"),
    );
    expect(layout.sections.map((s) => [s.name, s.x, s.y])).toEqual([
      ["Floor", 0, 0],
      ["Balcony, left", 5, 0],
    ]);
    expect(layout.sections[0]!.rows.map((r) => [r.label, r.seats, r.firstNumber, r.skip, r.tier])).toEqual([
      ["A", 3, 1, [3], "R"],
      ["B", 1, 1, [], "R"],
    ]);
    expect(layout.sections[1]!.rows[0]).toMatchObject({ label: "A", seats: 2, firstNumber: 7, skip: [], tier: "S" });
  });

  it("name the lines at fault", () => {
    expect(problems("")).toEqual(["csv: the file is empty; the first line must be section,row,seat,tier"]);
    expect(problems("seat,row\nFloor,A,1,R")).toEqual(["csv: line 1: the first line must be section,row,seat,tier"]);
    expect(problems("section,row,seat,tier")).toEqual(["csv: lists no seats"]);
    expect(problems(["section,row,seat,tier", "Floor,A,one,R", "Floor,A,1", ",A,1,R", 'Floor,"A,1,R', "Floor,A,2,R", "Floor,A,2,R", "Floor,A,3,S"].join("\n"))).toEqual([
      "csv: line 2: seat must be a whole number from 1 to 2000",
      "csv: line 3: has 3 fields, not 4",
      "csv: line 4: needs a section and a row",
      "csv: line 5: an opened quote is not closed",
      "csv: line 7: seat 2 of row A in Floor is already on line 6",
      "csv: line 8: row A in Floor has seats in two tiers; a row has one tier",
    ]);
  });

  it("hold the layout to the same rules as one sent whole", () => {
    const wide = ["section,row,seat,tier", ...Array.from({ length: 501 }, (_, i) => `Floor,A,${i + 1},`)].join("\n");
    expect(problems(wide)).toEqual(["csv: row A in Floor: seats must be at most 500"]);
  });
});
