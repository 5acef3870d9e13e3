import { z } from "zod";
import { text } from "../schemas/text";

// A venue's seat layout as a document: sections placed on a plan, each a stack of rows.
// Positions and sizes are in seat widths (a seat, an aisle and a row are one unit each),
// which is all the plan needs to place sections apart and draw them.

/** The most seats one venue's layout may hold. */
export const MAX_VENUE_SEATS = 100_000;

/** Room for the JSON of the largest layouts (every row of 100,000 seats with its marks). */
export const MAX_LAYOUT_BODY_BYTES = 4 * 1024 * 1024;

const seatNumbers = z.array(z.int().min(1).max(2000)).max(2000).default([]);

export const layoutRow = z.object({
  label: text().trim().min(1, "is required").max(8, "must be at most 8 characters"),
  seats: z.int().min(1, "must be at least 1").max(500, "must be at most 500"),
  firstNumber: z.int().min(1).max(2000).default(1),
  /** Seat numbers run this way across the plan. */
  numbering: z.enum(["LEFT_TO_RIGHT", "RIGHT_TO_LEFT"]).default("LEFT_TO_RIGHT"),
  /** Numbers not used (say 13): the next seat takes the next number. */
  skip: seatNumbers,
  /** An aisle follows each of these seats (in numbering order). */
  aisleAfter: seatNumbers,
  accessible: seatNumbers,
  /** Seats beside an accessible one, for a companion. */
  companion: seatNumbers,
  /** Seats that exist but are never sold (a camera, a pillar). */
  blocked: seatNumbers,
  /** Overrides the section's tier. */
  tier: text().trim().min(1).max(40).optional(),
});

export const layoutSection = z.object({
  name: text().trim().min(1, "is required").max(40, "must be at most 40 characters"),
  x: z.int().min(0).max(100_000),
  y: z.int().min(0).max(100_000),
  /** How much the rows bow towards the stage, -1…1 (0: straight). */
  curve: z.number().min(-1).max(1).default(0),
  tier: text().trim().min(1).max(40).optional(),
  rows: z.array(layoutRow).min(1, "must have at least one row").max(500),
});

export const venueLayout = z
  .object({ sections: z.array(layoutSection).min(1, "must have at least one section").max(500) })
  .superRefine((layout, ctx) => {
    for (const problem of layoutProblems(layout)) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
  });
export type VenueLayout = z.output<typeof venueLayout>;
type LayoutRow = z.output<typeof layoutRow>;
type LayoutSection = z.output<typeof layoutSection>;

/** A row's seat numbers in numbering order: from its first number on, past the skipped ones. */
export function rowSeatNumbers(row: Pick<LayoutRow, "seats" | "firstNumber" | "skip">): number[] {
  const skipped = new Set(row.skip);
  const numbers: number[] = [];
  for (let n = row.firstNumber; numbers.length < row.seats; n++) if (!skipped.has(n)) numbers.push(n);
  return numbers;
}

/** How much of the plan a section covers: its widest row (seats and aisles) by its rows. */
export function sectionSize(section: Pick<LayoutSection, "rows">): { width: number; height: number } {
  const width = Math.max(...section.rows.map((row) => row.seats + new Set(row.aisleAfter).size));
  return { width, height: section.rows.length };
}

export const layoutSeatCount = (layout: Pick<VenueLayout, "sections">): number =>
  layout.sections.reduce((sum, section) => sum + section.rows.reduce((rows, row) => rows + row.seats, 0), 0);

interface Problem {
  path: (string | number)[];
  message: string;
}

/**
 * What is wrong with a layout that each field alone does not show: more seats than a venue
 * may hold, sections with one name or overlapping on the plan, rows with one label in a
 * section (their seats would share labels), and seat marks naming seats a row lacks.
 */
export function layoutProblems(layout: Pick<VenueLayout, "sections">): Problem[] {
  const problems: Problem[] = [];
  const seats = layoutSeatCount(layout);
  if (seats > MAX_VENUE_SEATS) problems.push({ path: ["sections"], message: `hold ${seats} seats; a venue holds at most ${MAX_VENUE_SEATS}` });

  const sectionNames = new Map<string, number>();
  const boxes = layout.sections.map((section) => ({ ...sectionSize(section), x: section.x, y: section.y }));
  layout.sections.forEach((section, i) => {
    const name = section.name.toLowerCase();
    if (sectionNames.has(name)) problems.push({ path: ["sections", i, "name"], message: `repeats the name of section ${sectionNames.get(name)! + 1}` });
    else sectionNames.set(name, i);
    const box = boxes[i]!;
    for (let j = 0; j < i; j++) {
      const other = boxes[j]!;
      if (box.x < other.x + other.width && other.x < box.x + box.width && box.y < other.y + other.height && other.y < box.y + box.height) {
        problems.push({ path: ["sections", i, "x"], message: `places this section over section ${layout.sections[j]!.name}` });
      }
    }
    const rowLabels = new Set<string>();
    section.rows.forEach((row, r) => {
      const label = row.label.toLowerCase();
      if (rowLabels.has(label)) problems.push({ path: ["sections", i, "rows", r, "label"], message: `repeats row ${row.label} of section ${section.name}` });
      rowLabels.add(label);
      const numbers = new Set(rowSeatNumbers(row));
      for (const mark of ["aisleAfter", "accessible", "companion", "blocked"] as const) {
        const missing = row[mark].filter((n) => !numbers.has(n));
        if (missing.length) problems.push({ path: ["sections", i, "rows", r, mark], message: `names seat ${missing.join(", ")}, which row ${row.label} does not have` });
      }
    });
  });
  return problems;
}
