import { z } from "zod";
import { db } from "../db";

/** A date with its concert's name, for page headings; null for an unknown id or a draft's date. */
export async function findSchedule(id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  return db.schedule.findFirst({
    where: { id, concert: { status: { not: "DRAFT" } } },
    select: { id: true, startsAt: true, concert: { select: { id: true, title: true, venue: true, timeZone: true } } },
  });
}
