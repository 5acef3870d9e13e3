// Seeds the demo catalogue, the demo fan and the demo organizer. Safe to run again:
// existing concerts, dates and demo accounts are left alone, and a concert only gets new
// dates when it has fewer upcoming ones than the demo plan (so the demo stays bookable as
// time passes).
import { pathToFileURL } from "node:url";
import { hashPassword } from "../lib/auth/password";
import { createPrismaClient, type Db } from "../lib/db";
import { DEMO_CONCERTS, DEMO_ORGANIZER, DEMO_USER, seatsFor, type DemoConcert } from "./demo-data";

const DAY_MS = 24 * 60 * 60 * 1000;

function performanceTime(now: Date, days: number): Date {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 10, 0, 0));
  return new Date(date.getTime() + days * DAY_MS);
}

async function seedConcert(db: Db, demo: DemoConcert, now: Date) {
  const concert = await db.concert.upsert({
    where: { slug: demo.slug },
    update: {},
    create: {
      slug: demo.slug,
      title: demo.title,
      artist: demo.artist,
      venue: demo.venue,
      description: demo.description,
      queueActiveLimit: demo.queue?.activeLimit,
      queueAdmitPerTick: demo.queue?.admitPerTick,
      queueActiveTtlSeconds: demo.queue?.activeTtlSeconds,
    },
    select: { id: true },
  });
  const upcoming = await db.schedule.count({ where: { concertId: concert.id, startsAt: { gt: now } } });
  const missing = demo.performanceDays.slice(upcoming);
  const seats = seatsFor(demo.layout);
  for (const days of missing) {
    const startsAt = performanceTime(now, days);
    await db.$transaction(async (tx) => {
      const schedule = await tx.schedule.upsert({
        where: { concertId_startsAt: { concertId: concert.id, startsAt } },
        update: {},
        create: { concertId: concert.id, startsAt, salesOpenAt: new Date(now.getTime() - DAY_MS) },
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
  for (const concert of DEMO_CONCERTS) await seedConcert(db, concert, now);
  await seedOrganizer(db);
}

// The organizer account and its organization (made once: an organizer who already belongs to one is left alone).
async function seedOrganizer(db: Db) {
  const organizer = await db.user.upsert({
    where: { email: DEMO_ORGANIZER.email },
    update: {},
    create: { email: DEMO_ORGANIZER.email, name: DEMO_ORGANIZER.name, passwordHash: await hashPassword(DEMO_ORGANIZER.password), wallet: { create: {} } },
    select: { id: true },
  });
  await db.$transaction(async (tx) => {
    // Seeds running at once take turns here, so only one makes the organization.
    await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${organizer.id}::uuid FOR UPDATE`;
    if (await tx.organizationMember.count({ where: { userId: organizer.id } })) return;
    await tx.organization.create({ data: { name: DEMO_ORGANIZER.organization, members: { create: { userId: organizer.id, role: "OWNER" } } } });
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
