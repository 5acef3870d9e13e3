import { ValidationError } from "../errors";
import { venueLayout, type VenueLayout } from "./venue-layout";

// A layout from a seat list, as box offices keep them: one line per seat,
// `section,row,seat,tier` (the tier may be empty). Sections keep the order they first
// appear in and are placed side by side, apart; rows keep theirs; numbers a row lacks
// between its lowest and highest are skipped numbers.

const HEADER = ["section", "row", "seat", "tier"];
/** Seat widths between sections placed side by side. */
const SECTION_GAP = 2;
/** Problems reported at once, at most (a wrong file would otherwise list every line). */
const MAX_PROBLEMS = 20;

/** The layout a seat list describes, or 400 naming `csv` with the lines at fault. */
export function layoutFromCsv(csv: string): VenueLayout {
  const problems: string[] = [];
  const sections = new Map<string, Map<string, { numbers: Map<number, number>; tiers: Set<string> }>>();
  const lines = csv.split(/\r?\n/);
  const headerAt = lines.findIndex((line) => line.trim());
  if (headerAt < 0) throw csvProblems([`the file is empty; the first line must be ${HEADER.join(",")}`]);
  if (splitCsvLine(lines[headerAt]!)?.map((f) => f.trim().toLowerCase()).join(",") !== HEADER.join(",")) {
    throw csvProblems([`line ${headerAt + 1}: the first line must be ${HEADER.join(",")}`]);
  }
  for (let index = headerAt + 1; index < lines.length && problems.length < MAX_PROBLEMS; index++) {
    const line = lines[index]!;
    if (!line.trim()) continue;
    const lineNumber = index + 1;
    const fields = splitCsvLine(line);
    if (!fields) {
      problems.push(`line ${lineNumber}: an opened quote is not closed`);
      continue;
    }
    if (fields.length !== HEADER.length) {
      problems.push(`line ${lineNumber}: has ${fields.length} fields, not ${HEADER.length}`);
      continue;
    }
    const [section, row, seat, tier] = fields.map((f) => f.trim()) as [string, string, string, string];
    const number = Number(seat);
    if (!section || !row) problems.push(`line ${lineNumber}: needs a section and a row`);
    else if (!/^\d+$/.test(seat) || number < 1 || number > 2000) problems.push(`line ${lineNumber}: seat must be a whole number from 1 to 2000`);
    else {
      const rows = sections.get(section) ?? new Map<string, { numbers: Map<number, number>; tiers: Set<string> }>();
      sections.set(section, rows);
      const seats = rows.get(row) ?? { numbers: new Map<number, number>(), tiers: new Set<string>() };
      rows.set(row, seats);
      const earlier = seats.numbers.get(number);
      if (earlier) problems.push(`line ${lineNumber}: seat ${number} of row ${row} in ${section} is already on line ${earlier}`);
      else {
        seats.numbers.set(number, lineNumber);
        seats.tiers.add(tier);
        if (seats.tiers.size === 2) problems.push(`line ${lineNumber}: row ${row} in ${section} has seats in two tiers; a row has one tier`);
      }
    }
  }
  if (!sections.size && !problems.length) problems.push("lists no seats");
  if (problems.length) throw csvProblems(problems);

  let x = 0;
  const layout = {
    sections: [...sections].map(([name, rows]) => {
      const placed = {
        name,
        x,
        y: 0,
        rows: [...rows].map(([label, { numbers, tiers }]) => {
          const sorted = [...numbers.keys()].sort((a, b) => a - b);
          const [first, last] = [sorted[0]!, sorted.at(-1)!];
          const tier = [...tiers][0];
          return { label, seats: sorted.length, firstNumber: first, skip: range(first, last).filter((n) => !numbers.has(n)), ...(tier ? { tier } : {}) };
        }),
      };
      x += Math.max(...placed.rows.map((r) => r.seats)) + SECTION_GAP;
      return placed;
    }),
  };
  const checked = venueLayout.safeParse(layout);
  if (!checked.success) {
    throw csvProblems(checked.error.issues.slice(0, MAX_PROBLEMS).map((issue) => `${where(layout, issue.path)}${issue.message}`));
  }
  return checked.data;
}

const csvProblems = (problems: string[]) => new ValidationError(problems.map((message) => ({ field: "csv", message })));

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// A layout path ("sections", 2, "rows", 0, "seats") in the list's own words.
function where(layout: { sections: { name: string; rows: { label: string }[] }[] }, path: PropertyKey[]): string {
  const section = typeof path[1] === "number" ? layout.sections[path[1]] : undefined;
  if (!section) return "";
  const row = typeof path[3] === "number" ? section.rows[path[3]] : undefined;
  if (!row) return `section ${section.name}: `;
  return `row ${row.label} in ${section.name}: ${path[4] === undefined ? "" : `${String(path[4])} `}`;
}

/** One CSV line's fields (quotes as in RFC 4180), or null when a quote is left open. */
function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"'; // an escaped quote
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === "," && !quoted) {
      fields.push(field);
      field = "";
    } else {
      field += c;
    }
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}
