import { availabilityChanged } from "../booking/availability-cache";
import { freeSeatsOf } from "../booking/release-hold";
import { DomainError, ValidationError } from "../errors";
import { isUniqueViolation } from "../prisma-errors";
import { saleSettingsChanged } from "../queue/settings";
import type { AddScheduleBody, OrganizerConcertView } from "../schemas/organizer-concerts";
import { inTransaction, type Tx } from "../transaction";
import { seatsForSale } from "./concert-seats";
import { concertStatusError, loadConcertView, lockConcert, publishProblemsOf, requireConcertMember, venueLayoutAt } from "./concerts";

// A concert's dates and its way from draft to on sale to cancelled. Each step locks the
// concert's row first, so steps of one concert take turns, and is one transaction: a date's
// seats appear all at once, with the concert's publishing, or not at all.

/**
 * Makes the seats of these dates from one version of the venue's layout (by default its
 * newest); refused when a seat has no priced tier.
 */
async function makeSeats(tx: Tx, concertId: string, scheduleIds: string[], version?: number): Promise<void> {
  const concert = await tx.concert.findUniqueOrThrow({
    where: { id: concertId },
    select: { venueId: true, tierAssignments: true, tiers: { select: { name: true, price: true } } },
  });
  const layout = await venueLayoutAt(tx, concert.venueId, version);
  const { seats, problems } = seatsForSale(layout.layout, concert.tiers, concert.tierAssignments as Record<string, string>);
  if (problems.length) throw publishIncomplete(problems);
  await tx.$executeRaw`
    INSERT INTO seats (schedule_id, section, "row", number, tier, price)
    SELECT d.id, x.section, x."row", x.number, x.tier, x.price
      FROM unnest(${scheduleIds}::uuid[]) AS d(id)
     CROSS JOIN unnest(${seats.map((s) => s.section)}::text[], ${seats.map((s) => s.row)}::text[], ${seats.map((s) => s.number)}::int[],
                       ${seats.map((s) => s.tier)}::text[], ${seats.map((s) => s.price)}::int[]) AS x(section, "row", number, tier, price)`;
  await tx.schedule.updateMany({ where: { id: { in: scheduleIds } }, data: { layoutVersion: layout.version } });
}

const publishIncomplete = (problems: { field: string; message: string }[]) =>
  new DomainError("PUBLISH_INCOMPLETE", "The concert is not ready to publish: see the fields listed.", problems);

/**
 * Adds a date (owners and managers). A published concert's new date gets its seats at once,
 * from the layout version its other dates were made from (its tier assignments were made
 * for that one); a draft's get theirs when it is published.
 */
export async function addSchedule(actorId: string, concertId: string, input: AddScheduleBody, now = new Date()): Promise<OrganizerConcertView> {
  await requireConcertMember(actorId, concertId, "manage");
  if (input.startsAt <= now) throw new ValidationError([{ field: "startsAt", message: "must be in the future" }]);
  return inTransaction(async (tx) => {
    const status = await lockConcert(tx, concertId);
    if (status === "CANCELLED") throw concertStatusError("A cancelled concert gets no new dates.");
    let scheduleId: string;
    try {
      ({ id: scheduleId } = await tx.schedule.create({ data: { concertId, startsAt: input.startsAt, salesOpenAt: input.salesOpenAt }, select: { id: true } }));
    } catch (error) {
      if (isUniqueViolation(error)) throw new ValidationError([{ field: "startsAt", message: "is the start of another date of this concert" }]);
      throw error;
    }
    if (status === "PUBLISHED") {
      const published = await tx.schedule.findFirstOrThrow({ where: { concertId, layoutVersion: { not: null } }, select: { layoutVersion: true } });
      await makeSeats(tx, concertId, [scheduleId], published.layoutVersion!);
    }
    return loadConcertView(concertId, tx);
  });
}

/**
 * Puts a draft on sale (owners and managers): every date's seats are made from the venue's
 * newest layout and the concert enters the catalogue, in one transaction. Refused with 409
 * PUBLISH_INCOMPLETE listing what is missing, or CONCERT_STATUS when it is not a draft.
 */
export async function publishConcert(actorId: string, concertId: string, now = new Date()): Promise<OrganizerConcertView> {
  await requireConcertMember(actorId, concertId, "manage");
  return inTransaction(async (tx) => {
    const status = await lockConcert(tx, concertId);
    if (status !== "DRAFT") throw concertStatusError(`The concert is ${status.toLowerCase()}; only a draft can be published.`);
    const concert = await tx.concert.findUniqueOrThrow({
      where: { id: concertId },
      select: { venueId: true, tierAssignments: true, tiers: { select: { name: true, price: true } }, schedules: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true } } },
    });
    const problems = await publishProblemsOf(tx, { ...concert, tierAssignments: concert.tierAssignments as Record<string, string> }, now);
    if (problems.length) throw publishIncomplete(problems);
    await makeSeats(tx, concertId, concert.schedules.map((s) => s.id));
    await tx.concert.update({ where: { id: concertId }, data: { status: "PUBLISHED", publishedAt: now } });
    return loadConcertView(concertId, tx);
  }).finally(() => saleSettingsChanged(concertId));
}

/**
 * Calls a concert off (owners and managers): it stays in the catalogue marked cancelled, and
 * every live hold on its dates is released. Holds and payments check the concert's status in
 * the database, so nothing more is held or sold, even by a request already under way.
 * Tickets already sold stay (refunds are a separate matter). Only a published concert can be
 * cancelled: a draft was never public.
 */
export async function cancelConcert(actorId: string, concertId: string, now = new Date()): Promise<OrganizerConcertView> {
  await requireConcertMember(actorId, concertId, "manage");
  const { view, dates } = await inTransaction(async (tx) => {
    const status = await lockConcert(tx, concertId);
    if (status !== "PUBLISHED") throw concertStatusError(`The concert is ${status.toLowerCase()}; only a concert on sale can be cancelled.`);
    await tx.concert.update({ where: { id: concertId }, data: { status: "CANCELLED", cancelledAt: now } });
    // Holds locked first (by id), as release_concert_holds does; their seats in a second
    // statement, whose fresh snapshot also sees seats a change_hold added meanwhile.
    const closed = await tx.$queryRaw<{ id: string; schedule_id: string }[]>`
      UPDATE holds SET status = (CASE WHEN expires_at <= ${now} THEN 'EXPIRED' ELSE 'RELEASED' END)::hold_status, closed_at = ${now}
       WHERE status = 'ACTIVE' AND id IN (
         SELECT h.id FROM holds h JOIN schedules s ON s.id = h.schedule_id
          WHERE s.concert_id = ${concertId}::uuid AND h.status = 'ACTIVE' ORDER BY h.id FOR UPDATE OF h)
      RETURNING id, schedule_id`;
    await freeSeatsOf(tx, closed.map((hold) => hold.id));
    return { view: await loadConcertView(concertId, tx), dates: [...new Set(closed.map((hold) => hold.schedule_id))] };
  });
  saleSettingsChanged(concertId);
  for (const date of dates) availabilityChanged(date);
  return view;
}
