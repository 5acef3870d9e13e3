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

  it("tops a concert up with new dates once its seeded dates have passed", async () => {
    const later = new Date(Date.now() + 400 * 24 * 60 * 60 * 1000);
    await seedDemoData(db, later);
    const concert = DEMO_CONCERTS[0]!;
    const upcoming = await db.schedule.count({ where: { concert: { slug: concert.slug }, startsAt: { gt: later } } });
    expect(upcoming).toBe(concert.performanceDays.length);
  });
});
