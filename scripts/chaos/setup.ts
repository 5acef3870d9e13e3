// The chaos run's data: a seeded database plus a concert of its own with a real line
// (fewer shopping slots than fans) and enough seats to keep selling through every fault.
import { createPrismaClient } from "../../lib/db";
import { createBenchConcert } from "../bench/fixtures";
import type { Target } from "./load";

const DATES = 3;
const SEATS_PER_DATE = 1000;

export async function createTarget(databaseUrl: string, fans: number): Promise<Target> {
  const db = createPrismaClient(databaseUrl);
  try {
    const concert = await createBenchConcert(db, { activeLimit: Math.max(1, Math.floor(fans * 0.75)), admitPerTick: 10 });
    // A place nobody finishes with is freed in minutes, not the default quarter hour.
    await db.concert.update({ where: { id: concert.id }, data: { title: "Chaos Night", queueActiveTtlSeconds: 180 }, select: { id: true } });
    const scheduleIds: string[] = [];
    for (let d = 0; d < DATES; d++) {
      const schedule = await db.schedule.create({
        data: { concertId: concert.id, startsAt: new Date(Date.now() + (30 + d) * 86_400_000), salesOpenAt: new Date(Date.now() - 86_400_000) },
        select: { id: true },
      });
      await db.seat.createMany({
        data: Array.from({ length: SEATS_PER_DATE }, (_, i) => ({
          scheduleId: schedule.id,
          section: i < SEATS_PER_DATE / 2 ? "Floor" : "Balcony",
          row: `R${Math.floor((i % (SEATS_PER_DATE / 2)) / 25) + 1}`,
          number: (i % 25) + 1,
          tier: i < SEATS_PER_DATE / 2 ? "VIP" : "S",
          price: i < SEATS_PER_DATE / 2 ? 15_000 : 9_000,
        })),
      });
      scheduleIds.push(schedule.id);
    }
    return { concertId: concert.id, scheduleIds };
  } finally {
    await db.$disconnect();
  }
}
