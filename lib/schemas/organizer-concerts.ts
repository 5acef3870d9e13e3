import { z } from "zod";
import { idParam } from "./ids";
import { text } from "./text";

// What organizers send and get for concerts, their price tiers and dates.

const tierName = text().trim().min(1, "is required").max(40, "must be at most 40 characters");

export const concertTier = z.object({
  name: tierName,
  /** Won per seat. */
  price: z.int("must be a whole number of won").min(1, "must be at least 1 won").max(10_000_000, "must be at most 10,000,000 won"),
  /** The tier's colour on seat maps, #rrggbb. */
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #7c3aed")
    .transform((value) => value.toLowerCase()),
});
export type ConcertTierInput = z.output<typeof concertTier>;

const tiers = z
  .array(concertTier)
  .max(20, "must be at most 20 tiers")
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((tier, i) => {
      const key = tier.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `repeats tier ${tier.name}` });
      seen.add(key);
    });
  });

/**
 * Which tier each section, or one row of it ("Section/Row"), sells as. A row named here wins
 * over its section; seats named nowhere take the tier the venue's layout gives them.
 */
const tierAssignments = z.record(text().trim().min(1).max(90), tierName).refine((map) => Object.keys(map).length <= 5000, "must name at most 5,000 sections and rows");

const timeZone = z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Seoul");

function isTimeZone(value: string): boolean {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

const instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).transform((value) => new Date(value));

const admissionStep = z.object({
  fromMinute: z.int().min(0).max(1_440, "must be at most 1,440 (a day)"),
  // Admission steps run once a second: the ramp admits whole numbers a second.
  admitPerMinute: z.int().min(60, "must be at least 60 (one a second)").max(100_000, "must be at most 100,000"),
});

function uniqueStartMinutes(steps: { fromMinute: number }[], ctx: z.RefinementCtx) {
  const seen = new Set<number>();
  steps.forEach((step, i) => {
    if (seen.has(step.fromMinute)) ctx.addIssue({ code: "custom", path: [i, "fromMinute"], message: `repeats minute ${step.fromMinute}` });
    seen.add(step.fromMinute);
  });
}

/** The waiting room and holds of this concert; a setting left out falls back to the site's default. */
export const saleSettings = z.object({
  /** Shoppers admitted at once. */
  activeLimit: z.int().min(1).max(100_000).nullable().optional(),
  /** Admitted per admission step. */
  admitPerTick: z.int().min(1).max(10_000).nullable().optional(),
  /** Shopping time once admitted, in seconds. */
  activeTtlSeconds: z.int().min(60, "must be at least 60 seconds").max(7_200, "must be at most 2 hours").nullable().optional(),
  /** How long a hold keeps seats, in seconds. */
  holdTtlSeconds: z.int().min(60, "must be at least 60 seconds").max(1_800, "must be at most 30 minutes").nullable().optional(),
  /** Tickets one account may have for the concert across its dates (null: 4 per date). */
  maxTicketsPerAccount: z.int().min(1).max(100).nullable().optional(),
  /** From then, fans join a pre-queue that is placed by a verifiable random draw at salesOpenAt (null: no pre-queue). */
  preQueueOpensAt: instant.nullable().optional(),
  /** Admission starts; before it, the waiting room counts down (null: the line is open whenever the concert is). */
  salesOpenAt: instant.nullable().optional(),
  /** Proof-of-work asked of each entrant, as the largest number a challenge hides (about that many hashes; 0: none). */
  challengeDifficulty: z.int().min(0).max(10_000_000, "must be at most 10,000,000").optional(),
  /** Accounts younger than this may not join the line (0: any account). */
  minAccountAgeDays: z.int().min(0).max(3_650, "must be at most 3,650 days").optional(),
  /** A waiting place not polled for this long is skipped at admission until its holder is back (null: never). */
  abandonAfterMinutes: z.int().min(5, "must be at least 5 minutes").max(1_440, "must be at most 24 hours").nullable().optional(),
  /** Admissions a minute from so many minutes after salesOpenAt; overrides admitPerTick once the first step starts. */
  admissionSchedule: z.array(admissionStep).max(20, "must have at most 20 steps").superRefine(uniqueStartMinutes).optional(),
});
export type SaleSettingsInput = z.output<typeof saleSettings>;

const title = text().trim().min(1, "is required").max(120, "must be at most 120 characters");
const artist = text().trim().min(1, "is required").max(120, "must be at most 120 characters");
const description = text().trim().max(2_000, "must be at most 2,000 characters");

export const createConcertBody = z.object({
  organizationId: idParam("must be an organization id"),
  venueId: idParam("must be a venue id"),
  title,
  artist,
  description: description.default(""),
  timeZone: timeZone.default("Asia/Seoul"),
  tiers: tiers.default([]),
  tierAssignments: tierAssignments.default({}),
  settings: saleSettings.default({}),
});
export type CreateConcertBody = z.output<typeof createConcertBody>;

/**
 * A change to a concert. While it is a draft, anything; once published, its words, sale
 * settings, tier colours, and tier prices whose seats nobody holds or bought.
 */
export const updateConcertBody = z
  .object({
    venueId: idParam("must be a venue id").optional(),
    title: title.optional(),
    artist: artist.optional(),
    description: description.optional(),
    timeZone: timeZone.optional(),
    tiers: tiers.optional(),
    tierAssignments: tierAssignments.optional(),
    settings: saleSettings.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "must change something");
export type UpdateConcertBody = z.output<typeof updateConcertBody>;
/** A change to a concert as a client sends it (times as ISO strings). */
export type UpdateConcertRequest = z.input<typeof updateConcertBody>;

export const addScheduleBody = z
  .object({
    startsAt: instant,
    /** Holds and sales open at this instant. */
    salesOpenAt: instant,
  })
  .refine((body) => body.salesOpenAt < body.startsAt, { path: ["salesOpenAt"], message: "must be before the start" });
export type AddScheduleBody = z.output<typeof addScheduleBody>;

export const concertParams = z.object({ concertId: idParam("must be a concert id") });
export const concertsQuery = z.object({ organizationId: idParam("must be an organization id") });

export const CONCERT_STATUSES = ["DRAFT", "PUBLISHED", "CANCELLED"] as const;

export const organizerScheduleView = z.object({
  id: z.uuid(),
  startsAt: z.iso.datetime(),
  salesOpenAt: z.iso.datetime(),
  /** The venue layout version its seats were made from; null before publishing. */
  layoutVersion: z.int().nullable(),
  seats: z.int(),
});

export const publishProblem = z.object({ field: z.string(), message: z.string() });

export const organizerConcertSummary = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  venueId: z.uuid(),
  venue: z.string(),
  status: z.enum(CONCERT_STATUSES),
  title: z.string(),
  artist: z.string(),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
});
export type OrganizerConcertSummary = z.infer<typeof organizerConcertSummary>;

export const organizerConcertView = organizerConcertSummary.extend({
  description: z.string(),
  timeZone: z.string(),
  tiers: z.array(z.object({ name: z.string(), price: z.int(), colour: z.string() })),
  tierAssignments: z.record(z.string(), z.string()),
  settings: z.object({
    activeLimit: z.int().nullable(),
    admitPerTick: z.int().nullable(),
    activeTtlSeconds: z.int().nullable(),
    holdTtlSeconds: z.int().nullable(),
    maxTicketsPerAccount: z.int().nullable(),
    preQueueOpensAt: z.iso.datetime().nullable(),
    salesOpenAt: z.iso.datetime().nullable(),
    challengeDifficulty: z.int(),
    minAccountAgeDays: z.int(),
    abandonAfterMinutes: z.int().nullable(),
    admissionSchedule: z.array(z.object({ fromMinute: z.int(), admitPerMinute: z.int() })),
  }),
  schedules: z.array(organizerScheduleView),
  /** What publishing would refuse over; empty when it can be published (drafts only). */
  publishProblems: z.array(publishProblem),
});
export type OrganizerConcertView = z.infer<typeof organizerConcertView>;
