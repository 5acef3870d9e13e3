import type { FieldError } from "../errors";
import { rowSeatNumbers, type VenueLayout } from "./venue-layout";

// The seats a date of a concert sells, made from the venue's layout and the concert's tiers:
// every seat not blocked, with its tier's name and price.

export interface SaleSeat {
  section: string;
  row: string;
  number: number;
  tier: string;
  price: number;
}

interface Tier {
  name: string;
  price: number;
}

/** The key of one row in a concert's tier assignments. */
export const rowKey = (section: string, row: string) => `${section}/${row}`;

const MAX_PROBLEMS = 50;

/**
 * The seats to sell, or what stops them: assignments naming sections or rows the layout
 * lacks, rows with no tier, tiers the concert does not have, a layout with nothing to sell.
 */
export function seatsForSale(layout: VenueLayout, tiers: Tier[], assignments: Record<string, string>): { seats: SaleSeat[]; problems: FieldError[] } {
  const priceOf = new Map(tiers.map((tier) => [tier.name, tier.price]));
  // A Map, not the object: a section may be called "constructor".
  const assigned = new Map(Object.entries(assignments));
  const known = new Set<string>();
  const untiered = new Map<string, string[]>(); // section → its rows without a tier
  const unknownTiers = new Map<string, Set<string>>(); // tier → the sections selling as it
  const seats: SaleSeat[] = [];
  for (const section of layout.sections) {
    known.add(section.name);
    for (const row of section.rows) {
      known.add(rowKey(section.name, row.label));
      const tier = assigned.get(rowKey(section.name, row.label)) ?? assigned.get(section.name) ?? row.tier ?? section.tier;
      if (tier === undefined) {
        untiered.set(section.name, [...(untiered.get(section.name) ?? []), row.label]);
        continue;
      }
      const price = priceOf.get(tier);
      if (price === undefined) {
        unknownTiers.set(tier, (unknownTiers.get(tier) ?? new Set()).add(section.name));
        continue;
      }
      const blocked = new Set(row.blocked);
      for (const number of rowSeatNumbers(row)) {
        if (!blocked.has(number)) seats.push({ section: section.name, row: row.label, number, tier, price });
      }
    }
  }
  const problems: FieldError[] = [
    ...[...untiered].map(([section, rows]) => ({ field: `tierAssignments.${section}`, message: `section ${section} has no tier for row ${listed(rows)}` })),
    ...[...unknownTiers].map(([tier, sections]) => ({
      field: "tiers",
      message: `${tier} is not one of the concert's tiers (section ${listed([...sections])} sells as it)`,
    })),
    ...[...assigned.keys()]
      .filter((key) => !known.has(key))
      .map((key) => ({ field: `tierAssignments.${key}`, message: "names no section or row of the venue" })),
  ];
  if (!seats.length && !problems.length) problems.push({ field: "venueId", message: "has no seat to sell: every seat is blocked" });
  return { seats, problems: problems.slice(0, MAX_PROBLEMS) };
}

const listed = (names: string[]) => (names.length <= 5 ? names.join(", ") : `${names.slice(0, 5).join(", ")} and ${names.length - 5} more`);
