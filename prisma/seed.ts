// Seeds the demo fan, the demo organizer with its organization, and that organization's
// venues and published concerts. Safe to run again:
// existing concerts, dates and demo accounts are left alone, and a concert only gets new
// dates when it has fewer upcoming ones than the demo plan (so the demo stays bookable as
// time passes).
import { pathToFileURL } from "node:url";
import { hashPassword } from "../lib/auth/password";
import { createPrismaClient, type Db } from "../lib/db";
import { seatsForSale } from "../lib/organizer/concert-seats";
import { layoutSeatCount, type VenueLayout } from "../lib/organizer/venue-layout";
import { DEMO_CONCERTS, DEMO_ORGANIZER, DEMO_USER, tiersOf, venueLayoutOf, type DemoConcert } from "./demo-data";

const DAY_MS = 24 * 60 * 60 * 1000;

function performanceTime(now: Date, days: number): Date {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 10, 0, 0));
  return new Date(date.getTime() + days * DAY_MS);
}

// A demo concert, published at a venue of the demo organization (seeds running at once take
// turns on the organization's row), then topped up with dates and their seats.
async function seedConcert(db: Db, organizationId: string, demo: DemoConcert, now: Date) {
  const tiers = tiersOf(demo.layout);
  const concert = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM organizations WHERE id = ${organizationId}::uuid FOR UPDATE`;
    const found = await tx.concert.findUnique({ where: { slug: demo.slug }, select: { id: true, venueId: true } });
    if (found) return found;
    const layout = venueLayoutOf(demo.layout);
    const venue =
      (await tx.venue.findFirst({ where: { organizationId, name: demo.venue }, select: { id: true } })) ??
      (await tx.venue.create({ data: { organizationId, name: demo.venue, layoutVersion: 1 }, select: { id: true } }));
    await tx.venueLayout.upsert({
      where: { venueId_version: { venueId: venue.id, version: 1 } },
      update: {},
      create: { venueId: venue.id, version: 1, document: layout, seatCount: layoutSeatCount(layout) },
    });
    return tx.concert.create({
      data: {
        slug: demo.slug,
        organizationId,
        venueId: venue.id,
        status: "PUBLISHED",
        publishedAt: now,
        title: demo.title,
        artist: demo.artist,
        venue: demo.venue,
        description: demo.description,
        queueActiveLimit: demo.queue?.activeLimit,
        queueAdmitPerTick: demo.queue?.admitPerTick,
        queueActiveTtlSeconds: demo.queue?.activeTtlSeconds,
        tiers: { create: tiers },
      },
      select: { id: true, venueId: true },
    });
  });
  const upcoming = await db.schedule.count({ where: { concertId: concert.id, startsAt: { gt: now } } });
  const missing = demo.performanceDays.slice(upcoming);
  if (!missing.length) return;
  const venue = await db.venue.findUniqueOrThrow({ where: { id: concert.venueId }, select: { layoutVersion: true, layouts: { orderBy: { version: "desc" }, take: 1, select: { document: true } } } });
  const concertTiers = await db.concertTier.findMany({ where: { concertId: concert.id }, select: { name: true, price: true } });
  const { seats, problems } = seatsForSale(venue.layouts[0]!.document as unknown as VenueLayout, concertTiers, {});
  if (problems.length) throw new Error(`The demo concert ${demo.slug} cannot get seats: ${JSON.stringify(problems)}`);
  for (const days of missing) {
    const startsAt = performanceTime(now, days);
    await db.$transaction(async (tx) => {
      const schedule = await tx.schedule.upsert({
        where: { concertId_startsAt: { concertId: concert.id, startsAt } },
        update: {},
        create: { concertId: concert.id, startsAt, salesOpenAt: new Date(now.getTime() - DAY_MS), layoutVersion: venue.layoutVersion },
        select: { id: true },
      });
      await tx.seat.createMany({ data: seats.map((seat) => ({ ...seat, scheduleId: schedule.id })), skipDuplicates: true });
    });
  }
}

export async function seedDemoData(db: Db, now = new Date()) {
  await db.user.upsert({
    where: { email: DEMO_USER.email },
    update: {},
    create: {
      email: DEMO_USER.email,
      name: DEMO_USER.name,
      passwordHash: await hashPassword(DEMO_USER.password),
      // A starting balance, recorded as a charge like any other (balance = sum of the ledger).
      wallet: {
        create: {
          balance: DEMO_USER.startingBalance,
          entries: { create: { kind: "CHARGE", amount: DEMO_USER.startingBalance, balanceAfter: DEMO_USER.startingBalance } },
        },
      },
    },
    select: { id: true },
  });
  const organizationId = await seedOrganizer(db);
  for (const concert of DEMO_CONCERTS) await seedConcert(db, organizationId, concert, now);
}

/**
 * The organizer account and its organization, whose id it returns. Made once: an organizer
 * who already belongs to one keeps it. A database migrated from before organizations holds
 * the demo concerts in an organization without members: they move to the organizer's.
 */
async function seedOrganizer(db: Db): Promise<string> {
  const organizer = await db.user.upsert({
    where: { email: DEMO_ORGANIZER.email },
    update: {},
    create: { email: DEMO_ORGANIZER.email, name: DEMO_ORGANIZER.name, passwordHash: await hashPassword(DEMO_ORGANIZER.password), wallet: { create: {} } },
    select: { id: true },
  });
  return db.$transaction(async (tx) => {
    // Seeds running at once take turns here, so only one makes the organization.
    await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${organizer.id}::uuid FOR UPDATE`;
    const membership = await tx.organizationMember.findFirst({ where: { userId: organizer.id }, orderBy: { createdAt: "asc" }, select: { organizationId: true } });
    const organizationId =
      membership?.organizationId ??
      (await tx.organization.create({ data: { name: DEMO_ORGANIZER.organization, members: { create: { userId: organizer.id, role: "OWNER" } } }, select: { id: true } })).id;
    const unowned = await tx.organization.findMany({
      where: { members: { none: {} }, concerts: { some: { slug: { in: DEMO_CONCERTS.map((c) => c.slug) } } } },
      select: { id: true },
    });
    for (const { id } of unowned) {
      await tx.venue.updateMany({ where: { organizationId: id }, data: { organizationId } });
      await tx.concert.updateMany({ where: { organizationId: id }, data: { organizationId } });
      await tx.organization.delete({ where: { id } });
    }
    return organizationId;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. `npm run dev` seeds its embedded database by itself.");
    process.exit(2);
  }
  const db = createPrismaClient(url);
  await seedDemoData(db).finally(() => db.$disconnect());
  console.log("Demo data is in place.");
}
