import type { Clock } from "../clock";
import type { ConcertSummary } from "../schemas/concerts";

/** What the catalogue shows of a concert; fans never see drafts. */
export const inCatalogue = { status: { not: "DRAFT" } } as const;

export const summarySelect = (clock: Clock) =>
  ({
    id: true,
    title: true,
    artist: true,
    venue: true,
    timeZone: true,
    description: true,
    status: true,
    schedules: { where: { startsAt: { gt: clock.now() } }, orderBy: { startsAt: "asc" }, select: { startsAt: true } },
  }) as const;

interface SummaryRow extends Omit<ConcertSummary, "status" | "upcoming"> {
  status: string;
  schedules: { startsAt: Date }[];
}

export const summaryOf = ({ schedules, status, id, title, artist, venue, timeZone, description }: SummaryRow): ConcertSummary => ({
  id,
  title,
  artist,
  venue,
  timeZone,
  description,
  status: status === "CANCELLED" ? "CANCELLED" : "PUBLISHED",
  upcoming: schedules.map((s) => s.startsAt.toISOString()),
});
