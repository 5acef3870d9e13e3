// The demo catalogue: concerts, venue layouts and the demo account.
import { venueLayout, type VenueLayout } from "../lib/organizer/venue-layout";

export const DEMO_USER = {
  email: "demo@stagepass.dev",
  password: "stagepass-demo-1",
  name: "Demo Fan",
  startingBalance: 500_000,
} as const;

/** The demo organization's owner, for the organizer console. */
export const DEMO_ORGANIZER = {
  email: "organizer@stagepass.dev",
  password: "stagepass-organizer-1",
  name: "Demo Organizer",
  organization: "Stagepass Live",
} as const;

export interface SectionLayout {
  section: string;
  tier: string;
  price: number;
  rows: string[];
  seatsPerRow: number;
}

/** 50 seats: 10 VIP on the floor, 24 R in the lower tier, 16 S in the balcony. */
export const CLUB_LAYOUT: SectionLayout[] = [
  { section: "Floor", tier: "VIP", price: 165_000, rows: ["A", "B"], seatsPerRow: 5 },
  { section: "Lower", tier: "R", price: 132_000, rows: ["C", "D", "E"], seatsPerRow: 8 },
  { section: "Balcony", tier: "S", price: 99_000, rows: ["F", "G"], seatsPerRow: 8 },
];

const rowLetters = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => String.fromCharCode("A".charCodeAt(0) + from + i));

/** 2,080 seats for load work: four sections of 20 rows by 26 seats. */
export const ARENA_LAYOUT: SectionLayout[] = [
  { section: "Floor", tier: "VIP", price: 198_000, rows: rowLetters(0, 20), seatsPerRow: 26 },
  { section: "101", tier: "R", price: 154_000, rows: rowLetters(0, 20), seatsPerRow: 26 },
  { section: "102", tier: "R", price: 154_000, rows: rowLetters(0, 20), seatsPerRow: 26 },
  { section: "201", tier: "S", price: 121_000, rows: rowLetters(0, 20), seatsPerRow: 26 },
];

export interface DemoConcert {
  slug: string;
  title: string;
  artist: string;
  venue: string;
  description: string;
  layout: SectionLayout[];
  /** Days from seeding day of each performance, at 19:00 UTC+9 (10:00 UTC). */
  performanceDays: number[];
  queue?: { activeLimit: number; admitPerTick: number; activeTtlSeconds: number };
}

export const DEMO_CONCERTS: DemoConcert[] = [
  {
    slug: "aurora-lights-tour",
    title: "Aurora Lights Tour",
    artist: "Aurora Lane",
    venue: "Blue Square Hall, Seoul",
    description: "Synth-pop under a ceiling of light: the album played start to finish.",
    layout: CLUB_LAYOUT,
    performanceDays: [14, 15, 21],
  },
  {
    slug: "midnight-strings",
    title: "Midnight Strings",
    artist: "Han River Quartet",
    venue: "Lotte Concert Hall, Seoul",
    description: "A late-night programme of Ravel, Debussy and new Korean chamber works.",
    layout: CLUB_LAYOUT,
    performanceDays: [10, 17, 24],
  },
  {
    slug: "neon-riot-live",
    title: "Neon Riot Live",
    artist: "Neon Riot",
    venue: "YES24 Live Hall, Seoul",
    description: "Three nights of loud guitars and louder choruses.",
    layout: CLUB_LAYOUT,
    performanceDays: [30, 31, 32],
  },
  {
    slug: "stadium-of-stars",
    title: "Stadium of Stars",
    artist: "Starlight Collective",
    venue: "KSPO Dome, Seoul",
    description: "The big one: 2,000 seats, one night, and the whole country trying to get in.",
    layout: ARENA_LAYOUT,
    performanceDays: [45, 46],
    queue: { activeLimit: 300, admitPerTick: 100, activeTtlSeconds: 900 },
  },
];

/** The tier colours of the demo concerts, dearest first. */
const TIER_COLOURS = ["#7c3aed", "#2563eb", "#059669", "#d97706"];

/** A demo layout's price tiers, dearest first. */
export function tiersOf(layout: SectionLayout[]) {
  const prices = new Map(layout.map(({ tier, price }) => [tier, price]));
  return [...prices].sort((a, b) => b[1] - a[1]).map(([name, price], i) => ({ name, price, colour: TIER_COLOURS[i % TIER_COLOURS.length]! }));
}

/** A demo layout as a venue's layout: sections one behind the other from the stage, centred, each selling as its tier. */
export function venueLayoutOf(layout: SectionLayout[]): VenueLayout {
  const width = Math.max(...layout.map((s) => s.seatsPerRow));
  let y = 0;
  const sections = layout.map(({ section, tier, rows, seatsPerRow }) => {
    const placed = { name: section, tier, x: Math.floor((width - seatsPerRow) / 2), y, rows: rows.map((label) => ({ label, seats: seatsPerRow })) };
    y += rows.length + 1;
    return placed;
  });
  return venueLayout.parse({ sections });
}
