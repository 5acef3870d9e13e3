import { randomBytes } from "node:crypto";
import { availabilityChanged } from "../booking/availability-cache";
import { db, type Prisma } from "../db";
import { DomainError, NotFoundError, ValidationError, type FieldError } from "../errors";
import { isRaised } from "../prisma-errors";
import { syncDrawCommitment } from "../queue/draw";
import { saleSettingsChanged } from "../queue/settings";
import type { AdmissionStep } from "../queue/on-sale";
import type { CreateConcertBody, OrganizerConcertSummary, OrganizerConcertView, SaleSettingsInput, UpdateConcertBody } from "../schemas/organizer-concerts";
import { inTransaction, type Tx } from "../transaction";
import { seatsForSale } from "./concert-seats";
import { fixedOnSaleTimes, onSaleAfter, onSaleProblems, type OnSaleTimes } from "./on-sale-settings";
import { requireMember, type OrganizerAction } from "./membership";
import type { VenueLayout } from "./venue-layout";

// Concerts as their organizers see them: made as drafts, changed freely until published,
// and afterwards only in what cannot move a sold seat.

const summarySelect = {
  id: true,
  organizationId: true,
  venueId: true,
  venue: true,
  status: true,
  title: true,
  artist: true,
  createdAt: true,
  publishedAt: true,
  cancelledAt: true,
} as const;

const concertSelect = {
  ...summarySelect,
  description: true,
  timeZone: true,
  queueActiveLimit: true,
  queueAdmitPerTick: true,
  queueActiveTtlSeconds: true,
  holdTtlSeconds: true,
  maxTicketsPerAccount: true,
  preQueueOpensAt: true,
  salesOpenAt: true,
  challengeDifficulty: true,
  minAccountAgeDays: true,
  abandonAfterMinutes: true,
  admissionSchedule: true,
  tierAssignments: true,
  tiers: { orderBy: [{ price: "desc" }, { name: "asc" }], select: { name: true, price: true, colour: true } },
  schedules: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, salesOpenAt: true, layoutVersion: true, _count: { select: { seats: true } } } },
} satisfies Prisma.ConcertSelect;

interface SummaryRecord {
  id: string;
  organizationId: string;
  venueId: string;
  venue: string;
  status: OrganizerConcertSummary["status"];
  title: string;
  artist: string;
  createdAt: Date;
  publishedAt: Date | null;
  cancelledAt: Date | null;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

const summaryView = (concert: SummaryRecord): OrganizerConcertSummary => ({
  id: concert.id,
  organizationId: concert.organizationId,
  venueId: concert.venueId,
  venue: concert.venue,
  status: concert.status,
  title: concert.title,
  artist: concert.artist,
  createdAt: concert.createdAt.toISOString(),
  publishedAt: iso(concert.publishedAt),
  cancelledAt: iso(concert.cancelledAt),
});

/** The concert's organization, after checking the caller may do `action` there (404 for an unknown concert). */
export async function requireConcertMember(actorId: string, concertId: string, action: OrganizerAction): Promise<string> {
  const concert = await db.concert.findUnique({ where: { id: concertId }, select: { organizationId: true } });
  await requireMember(actorId, concert?.organizationId ?? null, action);
  return concert!.organizationId;
}

/** A venue of the organization, or 404 naming the field (a venue of another organization is not found either). */
async function venueOf(client: Tx | typeof db, organizationId: string, venueId: string) {
  const venue = await client.venue.findUnique({ where: { id: venueId }, select: { organizationId: true, name: true, layoutVersion: true } });
  if (!venue || venue.organizationId !== organizationId) throw new NotFoundError("Venue");
  return venue;
}

/** Locks the concert's row: its changes, publishing and cancelling take turns on it. Returns its state. */
export async function lockConcert(tx: Tx, concertId: string): Promise<OrganizerConcertSummary["status"]> {
  const [concert] = await tx.$queryRaw<{ status: OrganizerConcertSummary["status"] }[]>`SELECT status FROM concerts WHERE id = ${concertId}::uuid FOR UPDATE`;
  if (!concert) throw new NotFoundError("Concert");
  return concert.status;
}

/** A version of the venue's layout: by default its newest (what publishing makes seats from). */
export async function venueLayoutAt(client: Tx | typeof db, venueId: string, version?: number): Promise<{ version: number; layout: VenueLayout }> {
  version ??= (await client.venue.findUniqueOrThrow({ where: { id: venueId }, select: { layoutVersion: true } })).layoutVersion;
  const found = await client.venueLayout.findUniqueOrThrow({ where: { venueId_version: { venueId, version } }, select: { document: true } });
  return { version, layout: found.document as unknown as VenueLayout };
}

const slugOf = (title: string) =>
  `${title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "concert"}-${randomBytes(4).toString("hex")}`;

/** A new draft concert at one of the organization's venues (owners and managers). */
export async function createConcert(actorId: string, input: CreateConcertBody): Promise<OrganizerConcertView> {
  await requireMember(actorId, input.organizationId, "manage");
  const venue = await venueOf(db, input.organizationId, input.venueId);
  const onSale = checkedOnSale(NO_ON_SALE, input.settings, false);
  return inTransaction(async (tx) => {
    const made = await tx.concert.create({
      data: {
        slug: slugOf(input.title),
        organizationId: input.organizationId,
        venueId: input.venueId,
        venue: venue.name,
        title: input.title,
        artist: input.artist,
        description: input.description,
        timeZone: input.timeZone,
        tierAssignments: input.tierAssignments,
        ...settingsColumns(input.settings),
        tiers: { create: input.tiers },
      },
      select: { id: true },
    });
    await syncDrawCommitment(tx, made.id, onSale.preQueueOpensAt !== null);
    return loadConcertView(made.id, tx);
  });
}

function settingsColumns(settings: SaleSettingsInput) {
  return {
    queueActiveLimit: settings.activeLimit,
    queueAdmitPerTick: settings.admitPerTick,
    queueActiveTtlSeconds: settings.activeTtlSeconds,
    holdTtlSeconds: settings.holdTtlSeconds,
    maxTicketsPerAccount: settings.maxTicketsPerAccount,
    preQueueOpensAt: settings.preQueueOpensAt,
    salesOpenAt: settings.salesOpenAt,
    challengeDifficulty: settings.challengeDifficulty,
    minAccountAgeDays: settings.minAccountAgeDays,
    abandonAfterMinutes: settings.abandonAfterMinutes,
    admissionSchedule: settings.admissionSchedule,
  };
}

const NO_ON_SALE: OnSaleTimes = { preQueueOpensAt: null, salesOpenAt: null, admissionSchedule: [] };

/**
 * The on-sale times and ramp after `settings`, refused (400) when they do not hold
 * together or (409) when they move a published concert's opened pre-queue.
 */
function checkedOnSale(current: OnSaleTimes, settings: SaleSettingsInput, published: boolean, now = new Date()): OnSaleTimes {
  const next = onSaleAfter(current, settings);
  const problems = onSaleProblems(next, current, now);
  if (problems.length) throw new ValidationError(problems);
  const fixed = published ? fixedOnSaleTimes(next, current, now) : [];
  if (fixed.length) throw concertStatusError("The pre-queue has opened: its times cannot change.", fixed);
  return next;
}

/** The organization's concerts, newest first (any member). */
export async function listConcerts(actorId: string, organizationId: string): Promise<OrganizerConcertSummary[]> {
  await requireMember(actorId, organizationId, "read");
  const concerts = await db.concert.findMany({ where: { organizationId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: summarySelect });
  return concerts.map(summaryView);
}

/** One concert with its tiers, dates and, for a draft, what publishing would refuse over (any member). */
export async function getConcert(actorId: string, concertId: string): Promise<OrganizerConcertView> {
  await requireConcertMember(actorId, concertId, "read");
  return loadConcertView(concertId);
}

export async function loadConcertView(concertId: string, client: Tx | typeof db = db): Promise<OrganizerConcertView> {
  const concert = await client.concert.findUniqueOrThrow({ where: { id: concertId }, select: concertSelect });
  const tierAssignments = concert.tierAssignments as Record<string, string>;
  const publishProblems = concert.status === "DRAFT" ? await publishProblemsOf(client, { ...concert, tierAssignments }) : [];
  return {
    ...summaryView(concert),
    description: concert.description,
    timeZone: concert.timeZone,
    tiers: concert.tiers,
    tierAssignments,
    settings: {
      activeLimit: concert.queueActiveLimit,
      admitPerTick: concert.queueAdmitPerTick,
      activeTtlSeconds: concert.queueActiveTtlSeconds,
      holdTtlSeconds: concert.holdTtlSeconds,
      maxTicketsPerAccount: concert.maxTicketsPerAccount,
      preQueueOpensAt: iso(concert.preQueueOpensAt),
      salesOpenAt: iso(concert.salesOpenAt),
      challengeDifficulty: concert.challengeDifficulty,
      minAccountAgeDays: concert.minAccountAgeDays,
      abandonAfterMinutes: concert.abandonAfterMinutes,
      admissionSchedule: concert.admissionSchedule as unknown as AdmissionStep[],
    },
    schedules: concert.schedules.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      salesOpenAt: s.salesOpenAt.toISOString(),
      layoutVersion: s.layoutVersion,
      seats: s._count.seats,
    })),
    publishProblems,
  };
}

interface DraftFacts {
  venueId: string;
  tiers: { name: string; price: number }[];
  tierAssignments: Record<string, string>;
  schedules: { startsAt: Date }[];
}

/** Why a draft cannot be published yet: no tiers, seats without a priced tier, no dates, dates already begun. */
export async function publishProblemsOf(client: Tx | typeof db, concert: DraftFacts, now = new Date()): Promise<FieldError[]> {
  const { layout } = await venueLayoutAt(client, concert.venueId);
  const problems: FieldError[] = [];
  if (!concert.tiers.length) problems.push({ field: "tiers", message: "must have at least one tier" });
  problems.push(...seatsForSale(layout, concert.tiers, concert.tierAssignments).problems.filter((p) => concert.tiers.length || p.field !== "tiers"));
  if (!concert.schedules.length) problems.push({ field: "schedules", message: "must have at least one date" });
  concert.schedules.forEach((s, i) => {
    if (s.startsAt <= now) problems.push({ field: `schedules.${i}.startsAt`, message: "has already begun" });
  });
  return problems;
}

/**
 * Changes a concert (owners and managers). A draft may change anything. Once published, the
 * venue, the tier assignments and the set of tier names are fixed (the seats exist); a tier's
 * price changes on its seats of every date, all or nothing, and only while none of them is
 * held or sold (409 PRICE_LOCKED: the seats table's trigger decides). A cancelled concert
 * does not change.
 */
export async function updateConcert(actorId: string, concertId: string, input: UpdateConcertBody): Promise<OrganizerConcertView> {
  const organizationId = await requireConcertMember(actorId, concertId, "manage");
  const { view, repriced } = await inTransaction(async (tx) => {
    const status = await lockConcert(tx, concertId);
    if (status === "CANCELLED") throw concertStatusError("A cancelled concert cannot change.");
    const venue = input.venueId ? await venueOf(tx, organizationId, input.venueId) : undefined;
    const current = await tx.concert.findUniqueOrThrow({
      where: { id: concertId },
      select: { venueId: true, tierAssignments: true, tiers: { select: { name: true } }, preQueueOpensAt: true, salesOpenAt: true, admissionSchedule: true },
    });
    if (status === "PUBLISHED") {
      const fixed = fixedOncePublished(input, current);
      if (fixed.length) throw concertStatusError("These cannot change once the concert is published: its seats exist.", fixed);
    }
    const onSale = input.settings && checkedOnSale({ ...current, admissionSchedule: current.admissionSchedule as unknown as AdmissionStep[] }, input.settings, status === "PUBLISHED");
    await tx.concert.update({
      where: { id: concertId },
      data: {
        title: input.title,
        artist: input.artist,
        description: input.description,
        timeZone: input.timeZone,
        tierAssignments: input.tierAssignments,
        ...(venue ? { venueId: input.venueId, venue: venue.name } : {}),
        ...(input.settings ? { ...settingsColumns(input.settings), queueSettingsVersion: { increment: 1 } } : {}),
      },
    });
    if (onSale) await syncDrawCommitment(tx, concertId, onSale.preQueueOpensAt !== null);
    const repriced = input.tiers ? await saveTiers(tx, concertId, input.tiers, status === "PUBLISHED") : [];
    return { view: await loadConcertView(concertId, tx), repriced };
  }).finally(() => saleSettingsChanged(concertId));
  for (const date of repriced) availabilityChanged(date);
  return view;
}

/** The fields of `input` a published concert may not change (sending back what it has is no change). */
function fixedOncePublished(input: UpdateConcertBody, current: { venueId: string; tierAssignments: unknown; tiers: { name: string }[] }): FieldError[] {
  const fixed: FieldError[] = [];
  if (input.venueId && input.venueId !== current.venueId) fixed.push({ field: "venueId", message: "cannot change once published" });
  if (input.tierAssignments && !sameAssignments(input.tierAssignments, current.tierAssignments as Record<string, string>)) {
    fixed.push({ field: "tierAssignments", message: "cannot change once published" });
  }
  if (input.tiers) {
    const had = current.tiers.map((t) => t.name).sort();
    const has = input.tiers.map((t) => t.name).sort();
    if (had.join("\n") !== has.join("\n")) fixed.push({ field: "tiers", message: `must keep the tiers ${had.join(", ")} (prices and colours may change)` });
  }
  return fixed;
}

const sameAssignments = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, tier]) => Object.hasOwn(b, key) && b[key] === tier);

/** Saves the tiers; for a published concert, reprices their seats. Returns the dates whose seats were repriced. */
async function saveTiers(tx: Tx, concertId: string, tiers: CreateConcertBody["tiers"], published: boolean): Promise<string[]> {
  if (!published) {
    await tx.concertTier.deleteMany({ where: { concertId } });
    await tx.concertTier.createMany({ data: tiers.map((tier) => ({ ...tier, concertId })) });
    return [];
  }
  const repriced = new Set<string>();
  for (const [i, tier] of tiers.entries()) {
    const before = await tx.concertTier.update({ where: { concertId_name: { concertId, name: tier.name } }, data: { colour: tier.colour }, select: { price: true } });
    if (before.price === tier.price) continue;
    await tx.concertTier.update({ where: { concertId_name: { concertId, name: tier.name } }, data: { price: tier.price } });
    const priceLocked = () =>
      new DomainError("PRICE_LOCKED", `Seats of ${tier.name} are held or sold: their price cannot change.`, [
        { field: `tiers.${i}.price`, message: `cannot change while seats of ${tier.name} are held or sold` },
      ]);
    // Refused at once when a seat is held or sold, before locking a whole tier's seats.
    const [busy] = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM seats WHERE schedule_id IN (SELECT id FROM schedules WHERE concert_id = ${concertId}::uuid) AND tier = ${tier.name}
         AND (status = 'SOLD' OR hold_expires_at > now()) LIMIT 1`;
    if (busy) throw priceLocked();
    try {
      // Locked in id order like every seat writer; the seats' trigger refuses a seat held meanwhile.
      const dates = await tx.$queryRaw<{ id: string }[]>`
        WITH locked AS (
          SELECT id FROM seats WHERE schedule_id IN (SELECT id FROM schedules WHERE concert_id = ${concertId}::uuid) AND tier = ${tier.name}
           ORDER BY id FOR UPDATE),
        changed AS (UPDATE seats SET price = ${tier.price} FROM locked WHERE seats.id = locked.id RETURNING seats.schedule_id)
        UPDATE schedules SET seats_revision = seats_revision + 1 WHERE id IN (SELECT schedule_id FROM changed) RETURNING id`;
      for (const date of dates) repriced.add(date.id);
    } catch (error) {
      if (isRaised(error, "SEAT_LOCKED")) throw priceLocked();
      throw error;
    }
  }
  return [...repriced];
}

export const concertStatusError = (message: string, errors: FieldError[] = []) => new DomainError("CONCERT_STATUS", message, errors);
