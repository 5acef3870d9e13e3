import { z } from "zod";
import { systemClock, type Clock } from "../clock";
import { db } from "../db";
import type { ConcertSummary } from "../schemas/concerts";

const uuid = z.uuid();

/** One concert with its upcoming performances, or null for an unknown id. */
export async function findConcert(id: string, clock: Clock = systemClock): Promise<ConcertSummary | null> {
  if (!uuid.safeParse(id).success) return null;
  const concert = await db.concert.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      artist: true,
      venue: true,
      timeZone: true,
      description: true,
      schedules: { where: { startsAt: { gt: clock.now() } }, orderBy: { startsAt: "asc" }, select: { startsAt: true } },
    },
  });
  if (!concert) return null;
  const { schedules, ...rest } = concert;
  return { ...rest, upcoming: schedules.map((s) => s.startsAt.toISOString()) };
}
