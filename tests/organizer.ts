import { expect } from "vitest";
import { POST as PUBLISH } from "@/app/api/v1/organizer/concerts/[concertId]/publish/route";
import { POST as ADD_DATE } from "@/app/api/v1/organizer/concerts/[concertId]/schedules/route";
import { POST as CREATE } from "@/app/api/v1/organizer/concerts/route";
import { db } from "@/lib/db";
import { createOrganization } from "@/lib/organizer/organizations";
import { venueLayout } from "@/lib/organizer/venue-layout";
import { createVenue } from "@/lib/organizer/venues";
import { call, createTestUser } from "./helpers";

// An organization with a venue and concerts, made through the organizer API, for tests.

// 10 floor seats (one blocked) that sell as the layout's VIP, 12 balcony seats the concert assigns.
export const LAYOUT = venueLayout.parse({
  sections: [
    { name: "Floor", x: 0, y: 0, tier: "VIP", rows: [{ label: "A", seats: 5, blocked: [3] }, { label: "B", seats: 5 }] },
    { name: "Balcony", x: 0, y: 3, rows: [{ label: "C", seats: 6 }, { label: "D", seats: 6 }] },
  ],
});
export const SELLABLE = 21;
export const TIERS = [
  { name: "VIP", price: 150_000, colour: "#7C3AED" },
  { name: "S", price: 90_000, colour: "#059669" },
];

const DAY = 86_400_000;
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export type TestUser = Awaited<ReturnType<typeof createTestUser>>;
export type Organizer = Awaited<ReturnType<typeof organizerWithVenue>>;

/** An organization of a new owner's with a STAFF member and a venue. */
export async function organizerWithVenue() {
  const [owner, staff] = [await createTestUser("owner"), await createTestUser("staff")];
  const { id: organizationId } = await createOrganization(owner.id, { name: "Concert Makers" });
  await db.organizationMember.create({ data: { organizationId, userId: staff.id, role: "STAFF" } });
  const venue = await createVenue(owner.id, { organizationId, name: "Loopback Hall", layout: LAYOUT });
  return { owner, staff, organizationId, venueId: venue.id };
}

/** A draft ready to publish, with `dates` dates on sale since yesterday. */
export async function readyDraft(o: Organizer, dates = 1, settings = {}): Promise<string> {
  const made = await call(CREATE, {
    method: "POST",
    headers: o.owner.auth,
    body: { organizationId: o.organizationId, venueId: o.venueId, title: "Night Run", artist: "The Loops", tiers: TIERS, tierAssignments: { Balcony: "S" }, settings },
  });
  expect(made.status).toBe(201);
  for (let i = 0; i < dates; i++) {
    const dated = await call(ADD_DATE, { method: "POST", headers: o.owner.auth, params: { concertId: made.body.id }, body: { startsAt: inDays(10 + i), salesOpenAt: inDays(-1) } });
    expect(dated.status).toBe(201);
  }
  return made.body.id as string;
}

/** A published concert of the organizer's; returns it and its dates' ids. */
export async function publishedConcert(o: Organizer, dates = 1, settings = {}) {
  const concertId = await readyDraft(o, dates, settings);
  expect((await call(PUBLISH, { method: "POST", headers: o.owner.auth, params: { concertId } })).status).toBe(200);
  const schedules = await db.schedule.findMany({ where: { concertId }, orderBy: { startsAt: "asc" }, select: { id: true } });
  return { concertId, dates: schedules.map((s) => s.id) };
}
