/** A seat as it is written in lists: "Floor A-12" (section, row-number). */
export function seatLabel(seat: { section: string; row: string; number: number }): string {
  return `${seat.section} ${seat.row}-${seat.number}`;
}
