import { randomUUID } from "node:crypto";
import type { Db } from "../../lib/db";
import { venueLayout } from "../../lib/organizer/venue-layout";
import { syncDrawCommitment } from "../../lib/queue/draw";

// A published concert for tests and benchmarks, which make their dates' seats themselves:
// an organization and a venue of its own (a one-seat layout stands in for the real one).
// One with a pre-queue is committed to its draw, as the console would.

export interface FixtureConcert {
  title: string;
  artist: string;
  venue: string;
  description: string;
  queueActiveLimit?: number;
  queueAdmitPerTick?: number;
  queueActiveTtlSeconds?: number;
  maxTicketsPerAccount?: number;
  preQueueOpensAt?: Date;
  salesOpenAt?: Date;
  challengeDifficulty?: number;
  minAccountAgeDays?: number;
  abandonAfterMinutes?: number | null;
}

const STAND_IN_LAYOUT = venueLayout.parse({ sections: [{ name: "Floor", x: 0, y: 0, tier: "General", rows: [{ label: "A", seats: 1 }] }] });

export async function createFixtureConcert(db: Db, concert: FixtureConcert): Promise<{ id: string; organizationId: string }> {
  const organization = await db.organization.create({ data: { name: `${concert.title} organizer` }, select: { id: true } });
  const venue = await db.venue.create({
    data: { organizationId: organization.id, name: concert.venue, layoutVersion: 1 },
    select: { id: true },
  });
  await db.venueLayout.create({ data: { venueId: venue.id, version: 1, document: STAND_IN_LAYOUT, seatCount: 1 } });
  const made = await db.concert.create({
    data: { ...concert, slug: `fixture-${randomUUID()}`, organizationId: organization.id, venueId: venue.id, status: "PUBLISHED", publishedAt: new Date() },
    select: { id: true },
  });
  await syncDrawCommitment(db, made.id, concert.preQueueOpensAt !== undefined);
  return { id: made.id, organizationId: organization.id };
}
