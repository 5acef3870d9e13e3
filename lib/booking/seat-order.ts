interface SeatPlace {
  section: string;
  row: string;
  number: number;
}

const label = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** Seats in the order a person reads them: section, then row (row 9 before row 10), then number. */
export function bySeat(a: SeatPlace, b: SeatPlace): number {
  return label(a.section, b.section) || label(a.row, b.row) || a.number - b.number;
}
