import { z } from "zod";
import { systemClock, type Clock } from "../clock";
import { db } from "../db";
import type { ConcertSummary } from "../schemas/concerts";
import { inCatalogue, summaryOf, summarySelect } from "./concert-summary";

const uuid = z.uuid();

/** One concert with its upcoming performances, or null for an unknown id or a draft. */
export async function findConcert(id: string, clock: Clock = systemClock): Promise<ConcertSummary | null> {
  if (!uuid.safeParse(id).success) return null;
  const concert = await db.concert.findFirst({ where: { id, ...inCatalogue }, select: summarySelect(clock) });
  return concert && summaryOf(concert);
}
