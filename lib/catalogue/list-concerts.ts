import { z } from "zod";
import { systemClock, type Clock } from "../clock";
import { db } from "../db";
import { ValidationError } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import type { ConcertSummary, ListConcertsQuery } from "../schemas/concerts";
import { inCatalogue, summaryOf, summarySelect } from "./concert-summary";

const cursorSchema = z.object({ slug: z.string() });

/** The catalogue (concerts published or cancelled, never drafts) in a stable order (by slug), with each concert's upcoming performances. */
export async function listConcerts(query: ListConcertsQuery, clock: Clock = systemClock): Promise<Page<ConcertSummary>> {
  const after = query.cursor ? decodeCursor(query.cursor, cursorSchema) : undefined;
  if (after === null) throw new ValidationError([{ field: "query.cursor", message: "is not a cursor from this API" }]);
  const rows = await db.concert.findMany({
    where: { ...inCatalogue, ...(after ? { slug: { gt: after.slug } } : {}) },
    orderBy: { slug: "asc" },
    take: query.limit + 1,
    select: { slug: true, ...summarySelect(clock) },
  });
  return toPage(rows, query.limit, summaryOf, (row) => ({ slug: row.slug }));
}
