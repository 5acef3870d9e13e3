import { z } from "zod";
import { pageQuery } from "../pagination";

export const concertSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  artist: z.string(),
  venue: z.string(),
  /** IANA time zone of the venue (e.g. Asia/Seoul): show times are local to it. */
  timeZone: z.string(),
  description: z.string(),
  /** CANCELLED: called off by its organizer; nothing more is sold. */
  status: z.enum(["PUBLISHED", "CANCELLED"]),
  /** Start of each upcoming performance, soonest first (ISO 8601, UTC). */
  upcoming: z.array(z.iso.datetime()),
});
export type ConcertSummary = z.infer<typeof concertSummary>;

export const listConcertsQuery = pageQuery;
export type ListConcertsQuery = z.infer<typeof listConcertsQuery>;
