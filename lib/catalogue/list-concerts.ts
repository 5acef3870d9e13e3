import { z } from "zod";
import { systemClock, type Clock } from "../clock";
import { db } from "../db";
import { ValidationError } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import type { ConcertSummary, ListConcertsQuery } from "../schemas/concerts";

const cursorSchema = z.object({ slug: z.string() });

/** The catalogue in a stable order (by slug), with each concert's upcoming performances. */
export async function listConcerts(query: ListConcertsQuery, clock: Clock = systemClock): Promise<Page<ConcertSummary>> {
  const after = query.cursor ? decodeCursor(query.cursor, cursorSchema) : undefined;
  if (after === null) throw new ValidationError([{ field: "query.cursor", message: "is not a cursor from this API" }]);
  const rows = await db.concert.findMany({
    where: after ? { slug: { gt: after.slug } } : {},
    orderBy: { slug: "asc" },
    take: query.limit + 1,
    select: {
      id: true,
      slug: true,
      title: true,
      artist: true,
      venue: true,
      timeZone: true,
      description: true,
      schedules: { where: { startsAt: { gt: clock.now() } }, orderBy: { startsAt: "asc" }, select: { startsAt: true } },
    },
  });
  return toPage(
    rows,
    query.limit,
    ({ slug: _slug, schedules, ...concert }) => ({ ...concert, upcoming: schedules.map((s) => s.startsAt.toISOString()) }),
    (row) => ({ slug: row.slug }),
  );
}
