import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { DEMO_CONCERTS, DEMO_ORGANIZER, DEMO_USER } from "./demo-data";
import { seedDemoData } from "./seed";

async function counts() {
  return {
    concerts: await db.concert.count(),
    schedules: await db.schedule.count(),
    seats: await db.seat.count(),
    users: await db.user.count({ where: { email: DEMO_USER.email } }),
    ledger: await db.ledgerEntry.count({ where: { wallet: { user: { email: DEMO_USER.email } } } }),
    organizerMemberships: await db.organizationMember.count({ where: { user: { email: DEMO_ORGANIZER.email } } }),
  };
}

describe("seedDemoData", () => {
  it("seeds the demo catalogue and account, and changes nothing when run again", async () => {
    await seedDemoData(db);
    const first = await counts();
    await Promise.all([seedDemoData(db), seedDemoData(db)]);
    expect(await counts()).toEqual(first);
    expect(first.concerts).toBeGreaterThanOrEqual(3);
    expect(first.users).toBe(1);
  });

  it("gives every small-venue date 50 seats in sections with 2–3 price tiers, and one venue 2,000+", async () => {
    const schedules = await db.schedule.findMany({
      where: { concert: { slug: { in: DEMO_CONCERTS.map((c) => c.slug) } } },
      select: { concert: { select: { slug: true } }, startsAt: true, seats: { select: { section: true, tier: true, price: true } } },
    });
    const seatCounts = schedules.map((s) => s.seats.length);
    expect(seatCounts.filter((n) => n === 50).length).toBeGreaterThanOrEqual(9);
    expect(Math.max(...seatCounts)).toBeGreaterThanOrEqual(2000);
    for (const schedule of schedules.filter((s) => s.seats.length === 50)) {
      expect(new Set(schedule.seats.map((s) => s.tier)).size).toBeGreaterThanOrEqual(2);
      expect(new Set(schedule.seats.map((s) => s.section)).size).toBeGreaterThanOrEqual(2);
      expect(schedule.startsAt.getTime()).toBeGreaterThan(Date.now());
    }
  });

  it("lets the demo user sign in and gives them a balance backed by the ledger", async () => {
    const identity = await verifyCredentials(DEMO_USER.email, DEMO_USER.password);
    expect(identity?.email).toBe(DEMO_USER.email);
    const wallet = await db.wallet.findFirstOrThrow({ where: { userId: identity!.id } });
    const ledger = await db.ledgerEntry.aggregate({ where: { userId: identity!.id }, _sum: { amount: true } });
    expect(wallet.balance).toBe(DEMO_USER.startingBalance);
    expect(ledger._sum.amount).toBe(wallet.balance);
  });

  it("lets the demo organizer sign in as the owner of the demo organization", async () => {
    const identity = await verifyCredentials(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    expect(identity?.email).toBe(DEMO_ORGANIZER.email);
    const memberships = await db.organizationMember.findMany({ where: { userId: identity!.id }, select: { role: true, organization: { select: { name: true } } } });
    expect(memberships).toEqual([{ role: "OWNER", organization: { name: DEMO_ORGANIZER.organization } }]);
  });

  it("puts the demo concerts and venues in the demo organization, taking them from one without members (a migrated database)", async () => {
    const concerts = await db.concert.findMany({ where: { slug: { in: DEMO_CONCERTS.map((c) => c.slug) } }, select: { id: true, venueId: true, status: true, organization: { select: { name: true } } } });
    expect(concerts.every((c) => c.status === "PUBLISHED" && c.organization.name === DEMO_ORGANIZER.organization)).toBe(true);
    const demoOrganization = (await db.concert.findUniqueOrThrow({ where: { id: concerts[0]!.id }, select: { organizationId: true } })).organizationId;
    const orphan = await db.organization.create({ data: { name: "Stagepass Live" }, select: { id: true } });
    await db.venue.update({ where: { id: concerts[0]!.venueId }, data: { organizationId: orphan.id } });
    await db.concert.updateMany({ where: { venueId: concerts[0]!.venueId }, data: { organizationId: orphan.id } });

    await seedDemoData(db);
    expect(await db.concert.count({ where: { venueId: concerts[0]!.venueId, organizationId: demoOrganization } })).toBeGreaterThan(0);
    expect(await db.venue.findUniqueOrThrow({ where: { id: concerts[0]!.venueId }, select: { organizationId: true } })).toEqual({ organizationId: demoOrganization });
    expect(await db.organization.findUnique({ where: { id: orphan.id } })).toBeNull();
  });

  it("tops a concert up with new dates once its seeded dates have passed", async () => {
    const later = new Date(Date.now() + 400 * 24 * 60 * 60 * 1000);
    await seedDemoData(db, later);
    const concert = DEMO_CONCERTS[0]!;
    const upcoming = await db.schedule.count({ where: { concert: { slug: concert.slug }, startsAt: { gt: later } } });
    expect(upcoming).toBe(concert.performanceDays.length);
  });
});
