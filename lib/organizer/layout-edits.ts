import { sectionSize, type VenueLayout } from "./venue-layout";

// The edits the venue editor makes to a layout, as pure functions: each returns a new layout
// (the editor keeps the old ones for undo) and leaves checking to layoutProblems.

type Section = VenueLayout["sections"][number];
type Row = Section["rows"][number];

/** The row label after this one: A → B, Z → AA, AZ → BA; a number counts up (9 → 10). */
export function nextRowLabel(label: string): string {
  if (/^\d+$/.test(label)) return String(Number(label) + 1);
  const letters = label.toUpperCase().replace(/[^A-Z]/g, "") || "@";
  const codes = [...letters].map((c) => c.charCodeAt(0) - 64);
  let i = codes.length - 1;
  while (i >= 0 && codes[i] === 26) codes[i--] = 1;
  if (i < 0) codes.unshift(1);
  else codes[i] = codes[i]! + 1;
  return String.fromCharCode(...codes.map((c) => c + 64));
}

export const newRow = (label: string, seats: number): Row => ({
  label,
  seats,
  firstNumber: 1,
  numbering: "LEFT_TO_RIGHT",
  skip: [],
  aisleAfter: [],
  accessible: [],
  companion: [],
  blocked: [],
});

/** `count` rows of `seats` seats, labelled on from `after` (or from A). */
export function rowsAfter(after: string | undefined, count: number, seats: number): Row[] {
  const rows: Row[] = [];
  let label = after === undefined ? "A" : nextRowLabel(after);
  for (let i = 0; i < count; i++, label = nextRowLabel(label)) rows.push(newRow(label, seats));
  return rows;
}

/** A new section below everything on the plan, two rows apart. */
export function addSection(layout: VenueLayout, name: string, rows: number, seatsPerRow: number): VenueLayout {
  const bottom = Math.max(0, ...layout.sections.map((s) => s.y + sectionSize(s).height + 2));
  const section: Section = { name, x: 0, y: layout.sections.length ? bottom : 0, curve: 0, rows: rowsAfter(undefined, rows, seatsPerRow) };
  return { sections: [...layout.sections, section] };
}

export function updateSection(layout: VenueLayout, index: number, change: Partial<Section>): VenueLayout {
  return { sections: layout.sections.map((section, i) => (i === index ? { ...section, ...change } : section)) };
}

export function removeSection(layout: VenueLayout, index: number): VenueLayout {
  return { sections: layout.sections.filter((_, i) => i !== index) };
}

/** Moves a section by whole seat widths, never off the top or left of the plan. */
export function moveSection(layout: VenueLayout, index: number, dx: number, dy: number): VenueLayout {
  const section = layout.sections[index]!;
  return updateSection(layout, index, { x: Math.max(0, Math.round(section.x + dx)), y: Math.max(0, Math.round(section.y + dy)) });
}

export function addRows(layout: VenueLayout, index: number, count: number, seats: number): VenueLayout {
  const section = layout.sections[index]!;
  return updateSection(layout, index, { rows: [...section.rows, ...rowsAfter(section.rows.at(-1)?.label, count, seats)] });
}

export function updateRow(layout: VenueLayout, index: number, row: number, change: Partial<Row>): VenueLayout {
  const section = layout.sections[index]!;
  return updateSection(layout, index, { rows: section.rows.map((r, i) => (i === row ? { ...r, ...change } : r)) });
}

export function removeRow(layout: VenueLayout, index: number, row: number): VenueLayout {
  const section = layout.sections[index]!;
  return updateSection(layout, index, { rows: section.rows.filter((_, i) => i !== row) });
}

/** "1, 2, 5-7" → [1, 2, 5, 6, 7]; null when it is not such a list (or a range runs past 2000). */
export function parseSeatList(text: string): number[] | null {
  const numbers = new Set<number>();
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const range = /^(\d{1,4})(?:\s*-\s*(\d{1,4}))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (from < 1 || to < from || to > 2000) return null;
    for (let n = from; n <= to; n++) numbers.add(n);
  }
  return [...numbers].sort((a, b) => a - b);
}

/** [1, 2, 5, 6, 7] → "1, 2, 5-7". */
export function formatSeatList(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(", "));
    i = j + 1;
  }
  return parts.join(", ");
}
