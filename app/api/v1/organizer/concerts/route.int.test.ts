import { describe, expect, it } from "vitest";
import { GET as CATALOGUE } from "@/app/api/v1/concerts/route";
import { POST as CANCEL } from "@/app/api/v1/organizer/concerts/[concertId]/cancel/route";
import { POST as PUBLISH } from "@/app/api/v1/organizer/concerts/[concertId]/publish/route";
import { GET as CONCERT, PATCH as UPDATE } from "@/app/api/v1/organizer/concerts/[concertId]/route";
import { POST as ADD_DATE } from "@/app/api/v1/organizer/concerts/[concertId]/schedules/route";
import { POST as ENTER } from "@/app/api/v1/concerts/[concertId]/queue/route";
import { createHold } from "@/lib/booking/create-hold";
import { getSeatMapJson } from "@/lib/booking/get-seat-map";
import { db, pool } from "@/lib/db";
import { createOrganization } from "@/lib/organizer/organizations";
import { venueLayout } from "@/lib/organizer/venue-layout";
import { inSqlTransaction } from "@/lib/sql";
import { payHold } from "@/lib/payments/pay-hold";
import { call, createTestUser, createUsers, fund } from "@/tests/helpers";
import { inDays, LAYOUT, organizerWithVenue as organizer, readyDraft, SELLABLE, TIERS, type TestUser } from "@/tests/organizer";
import { GET as LIST, POST as CREATE } from "./route";

const create = (user: TestUser, body: unknown) => call(CREATE, { method: "POST", headers: user.auth, body });
const get = (user: TestUser, concertId: string) => call(CONCERT, { headers: user.auth, params: { concertId } });
const update = (user: TestUser, concertId: string, body: unknown) => call(UPDATE, { method: "PATCH", headers: user.auth, params: { concertId }, body });
const addDate = (user: TestUser, concertId: string, body: unknown) => call(ADD_DATE, { method: "POST", headers: user.auth, params: { concertId }, body });
const publish = (user: TestUser, concertId: string) => call(PUBLISH, { method: "POST", headers: user.auth, params: { concertId } });
const cancel = (user: TestUser, concertId: string) => call(CANCEL, { method: "POST", headers: user.auth, params: { concertId } });

const seatMap = async (scheduleId: string) => JSON.parse(new TextDecoder().decode(await getSeatMapJson(scheduleId)));
const seatsOf = (scheduleId: string) => db.seat.findMany({ where: { scheduleId }, orderBy: [{ section: "asc" }, { row: "asc" }, { number: "asc" }] });
const scheduleIds = async (concertId: string) => (await db.schedule.findMany({ where: { concertId }, orderBy: { startsAt: "asc" }, select: { id: true } })).map((s) => s.id);

describe("organizer concerts", () => {
  it("are made as drafts listing what publishing needs, and publish every date's seats from the venue's layout", async () => {
    const o = await organizer();
    const made = await create(o.owner, { organizationId: o.organizationId, venueId: o.venueId, title: "Night Run", artist: "The Loops", tiers: [TIERS[0]] });
    expect(made.body).toMatchObject({ status: "DRAFT", venue: "Loopback Hall", tiers: [{ name: "VIP", price: 150_000, colour: "#7c3aed" }], schedules: [] });
    expect(made.body.publishProblems).toEqual([
      { field: "tierAssignments.Balcony", message: "section Balcony has no tier for row C, D" },
      { field: "schedules", message: "must have at least one date" },
    ]);
    const refused = await publish(o.owner, made.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("PUBLISH_INCOMPLETE");
    expect(refused.body.errors).toEqual(made.body.publishProblems);

    const dated = await addDate(o.owner, made.body.id, { startsAt: inDays(10), salesOpenAt: inDays(-1) });
    expect(dated.body.schedules).toEqual([expect.objectContaining({ layoutVersion: null, seats: 0 })]);
    // A draft's date has no seats and nobody outside the organization sees it.
    await expect(seatMap(dated.body.schedules[0].id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const catalogue = async () => (await call(CATALOGUE, { path: "/?limit=100" })).body.items.map((c: { id: string }) => c.id);
    expect(await catalogue()).not.toContain(made.body.id);

    const fixed = await update(o.owner, made.body.id, { tiers: TIERS, tierAssignments: { Balcony: "S", "Balcony/D": "VIP" } });
    expect(fixed.body.publishProblems).toEqual([]);
    const published = await publish(o.owner, made.body.id);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: "PUBLISHED", schedules: [expect.objectContaining({ layoutVersion: 1, seats: SELLABLE })] });
    const seats = await seatsOf(published.body.schedules[0].id);
    expect(seats.filter((s) => s.section === "Floor").map((s) => `${s.row}${s.number}`)).toEqual(["A1", "A2", "A4", "A5", "B1", "B2", "B3", "B4", "B5"]);
    expect(seats.filter((s) => s.tier === "S").map((s) => `${s.row}${s.number}:${s.price}`)).toEqual(["C1", "C2", "C3", "C4", "C5", "C6"].map((seat) => `${seat}:90000`));
    expect(seats.filter((s) => s.row === "D").every((s) => s.tier === "VIP" && s.price === 150_000)).toBe(true);
    expect(await catalogue()).toContain(made.body.id);
    expect((await publish(o.owner, made.body.id)).body.code).toBe("CONCERT_STATUS");

    // A date added later gets its seats at once, from the layout version the others have: the venue's later versions touch no date.
    await db.venueLayout.create({ data: { venueId: o.venueId, version: 2, document: venueLayout.parse({ sections: [{ ...LAYOUT.sections[0], rows: [{ label: "A", seats: 7 }] }, LAYOUT.sections[1]] }), seatCount: 19 } });
    await db.venue.update({ where: { id: o.venueId }, data: { layoutVersion: 2 } });
    const later = await addDate(o.owner, made.body.id, { startsAt: inDays(12), salesOpenAt: inDays(-1) });
    expect(later.body.schedules.map((s: { layoutVersion: number; seats: number }) => [s.layoutVersion, s.seats])).toEqual([[1, SELLABLE], [1, SELLABLE]]);
    expect(await seatMap(later.body.schedules[1].id)).toMatchObject({ layoutVersion: 1, revision: 1 });
    // Sending back what it read changes nothing, and is no change of what is fixed.
    const { tierAssignments, venueId } = later.body;
    expect((await update(o.owner, made.body.id, { tierAssignments, venueId, title: "Night Run II" })).body.title).toBe("Night Run II");
  });

  it("refuse fans, hide from other organizations, and let staff read but not change", async () => {
    const o = await organizer();
    const concertId = await readyDraft(o);
    const [fan, outsider] = [await createTestUser("fan"), await createTestUser("outsider")];
    await createOrganization(outsider.id, { name: "Elsewhere" });

    expect((await get(o.staff, concertId)).status).toBe(200);
    expect((await call(LIST, { path: `/?organizationId=${o.organizationId}`, headers: o.staff.auth })).body.items).toEqual([expect.objectContaining({ id: concertId, status: "DRAFT" })]);
    for (const response of [await update(o.staff, concertId, { title: "Mine" }), await publish(o.staff, concertId), await cancel(o.staff, concertId), await addDate(o.staff, concertId, { startsAt: inDays(20), salesOpenAt: inDays(1) })]) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe("ROLE_REQUIRED");
    }
    for (const response of [await get(fan, concertId), await create(fan, { organizationId: o.organizationId, venueId: o.venueId, title: "x", artist: "y" })]) {
      expect(response.body.code).toBe("ORGANIZER_REQUIRED");
    }
    for (const response of [await get(outsider, concertId), await publish(outsider, concertId), await call(LIST, { path: `/?organizationId=${o.organizationId}`, headers: outsider.auth })]) {
      expect(response.status).toBe(404);
    }
    // Another organization's venue is not found either, and nothing is made.
    const { id: elsewhere } = await createOrganization(o.owner.id, { name: "Second Org" });
    const foreign = await create(o.owner, { organizationId: elsewhere, venueId: o.venueId, title: "x", artist: "y" });
    expect(foreign.status).toBe(404);
    expect(await db.concert.count({ where: { organizationId: elsewhere } })).toBe(0);
  });

  it("refuse bad fields by name", async () => {
    const o = await organizer();
    const bad = await create(o.owner, {
      organizationId: o.organizationId,
      venueId: o.venueId,
      title: "",
      artist: "A",
      timeZone: "Mars/Olympus",
      tiers: [{ name: "VIP", price: 0, colour: "purple" }, { name: "vip", price: 10, colour: "#000000" }],
      settings: { holdTtlSeconds: 5 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["settings.holdTtlSeconds", "tiers.0.colour", "tiers.0.price", "tiers.1.name", "timeZone", "title"]);
    const concertId = await readyDraft(o);
    const backwards = await addDate(o.owner, concertId, { startsAt: inDays(5), salesOpenAt: inDays(6) });
    expect(backwards.body.errors).toEqual([{ field: "salesOpenAt", message: "must be before the start" }]);
    const past = await addDate(o.owner, concertId, { startsAt: inDays(-1), salesOpenAt: inDays(-2) });
    expect(past.body.errors).toEqual([{ field: "startsAt", message: "must be in the future" }]);
  });

  it("publish once and all at once, however many publishes and readers race", async () => {
    const o = await organizer();
    const concertId = await readyDraft(o, 3);
    const dates = await scheduleIds(concertId);
    const seen = new Set<number>();
    let publishing = true;
    const reader = (async () => {
      while (publishing) {
        const { rows } = await pool().query<{ n: number }>("SELECT count(*)::int AS n FROM seats WHERE schedule_id = ANY($1::uuid[])", [dates]);
        seen.add(rows[0]!.n);
      }
    })();
    const results = await Promise.all(Array.from({ length: 6 }, () => publish(o.owner, concertId)));
    publishing = false;
    await reader;
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(5).fill("CONCERT_STATUS"));
    // Readers saw no seats, or every date's: never part of them.
    expect([...seen].every((n) => n === 0 || n === 3 * SELLABLE)).toBe(true);
    expect(await db.seat.count({ where: { scheduleId: { in: dates } } })).toBe(3 * SELLABLE);
  });

  it("let holds in only once a date is published, never while it publishes", async () => {
    const o = await organizer();
    const concertId = await readyDraft(o);
    const [date] = await scheduleIds(concertId);
    const fans = await createUsers(8);
    // Each fan keeps trying to hold a seat of the date while it is published.
    const attempts = fans.map(async (fan, i) => {
      for (let tries = 0; tries < 200; tries++) {
        const seats = await db.seat.findMany({ where: { scheduleId: date! }, orderBy: { id: "asc" }, select: { id: true } });
        if (seats.length) return createHold(fan, { scheduleId: date!, seatIds: [seats[i]!.id] }, { ttlSeconds: 300 });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error("the date never got seats");
    });
    const published = await publish(o.owner, concertId);
    expect(published.status).toBe(200);
    const holds = await Promise.all(attempts);
    expect(holds).toHaveLength(8);
    expect(await db.seat.count({ where: { scheduleId: date!, holdId: { not: null } } })).toBe(8);
  });

  it("change a tier's price on every date only while none of its seats is held or sold, even racing holds", async () => {
    const o = await organizer();
    const concertId = await readyDraft(o, 2);
    await publish(o.owner, concertId);
    const dates = await scheduleIds(concertId);
    const [fan] = await createUsers(1);
    const vipSeat = (await seatsOf(dates[1]!)).find((s) => s.tier === "VIP")!;
    const hold = await createHold(fan!, { scheduleId: dates[1]!, seatIds: [vipSeat.id] }, { ttlSeconds: 300 });

    const locked = await update(o.owner, concertId, { tiers: [{ ...TIERS[0], price: 160_000 }, TIERS[1]], title: "Renamed" });
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({ code: "PRICE_LOCKED", errors: [{ field: "tiers.0.price", message: "cannot change while seats of VIP are held or sold" }] });
    // All or nothing: the title did not change either.
    expect((await get(o.owner, concertId)).body).toMatchObject({ title: "Night Run", tiers: [{ name: "VIP", price: 150_000 }, { name: "S", price: 90_000 }] });

    const cheaper = await update(o.owner, concertId, { tiers: [TIERS[0], { ...TIERS[1], price: 80_000, colour: "#111111" }] });
    expect(cheaper.status).toBe(200);
    for (const date of dates) expect((await seatsOf(date)).filter((s) => s.tier === "S").every((s) => s.price === 80_000)).toBe(true);
    const map = await seatMap(dates[0]!);
    expect(map.revision).toBe(2);
    expect(map.seats.find((s: { tier: string }) => s.tier === "S").price).toBe(80_000);
    expect((await update(o.owner, concertId, { tierAssignments: {} })).body.code).toBe("CONCERT_STATUS");
    expect(hold.amount).toBe(150_000);

    // Race price changes of S against holds of S seats: whatever wins, every hold pays the price its seats carry.
    const fans = await createUsers(6);
    const sSeats = (await seatsOf(dates[0]!)).filter((s) => s.tier === "S");
    const outcomes = await Promise.allSettled([
      ...fans.map((f, i) => createHold(f, { scheduleId: dates[0]!, seatIds: [sSeats[i]!.id] }, { ttlSeconds: 300 })),
      ...[70_000, 75_000, 85_000].map((price) => update(o.owner, concertId, { tiers: [TIERS[0], { ...TIERS[1], price }] })),
    ]);
    expect(outcomes.every((outcome) => outcome.status === "fulfilled" || /SEAT_UNAVAILABLE/.test(String((outcome.reason as { code?: string }).code)))).toBe(true);
    const { rows } = await pool().query<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM hold_seats hs JOIN holds h ON h.id = hs.hold_id JOIN seats se ON se.id = hs.seat_id
        WHERE h.status = 'ACTIVE' AND se.schedule_id = ANY($1::uuid[]) AND (hs.price <> se.price OR h.amount <> (SELECT sum(price) FROM hold_seats WHERE hold_id = h.id))`,
      [dates],
    );
    expect(rows[0]!.bad).toBe(0);
  });

  it("keep a sold seat's price and place, and never delete it", async () => {
    const o = await organizer();
    const concertId = await readyDraft(o);
    await publish(o.owner, concertId);
    const [date] = await scheduleIds(concertId);
    const [fan] = await createUsers(1);
    await fund(fan!, 1_000_000);
    const seat = (await seatsOf(date!))[0]!;
    const hold = await createHold(fan!, { scheduleId: date!, seatIds: [seat.id] }, { ttlSeconds: 300 });
    await inSqlTransaction(pool(), (tx) => payHold(tx, fan!, hold.id));
    await expect(pool().query("UPDATE seats SET price = 1 WHERE id = $1", [seat.id])).rejects.toMatchObject({ message: "SEAT_LOCKED" });
    await expect(pool().query(`UPDATE seats SET "row" = 'Z' WHERE id = $1`, [seat.id])).rejects.toMatchObject({ message: "SEAT_LOCKED" });
    await expect(pool().query("DELETE FROM seats WHERE id = $1", [seat.id])).rejects.toThrow(/foreign key constraint "reservations_seat_id_fkey"/);
  });

  it("hold an account to the concert's ticket limit across its dates, even racing", async () => {
    const o = await organizer();
    const concertId = await readyDraft(o, 2, { maxTicketsPerAccount: 3 });
    await publish(o.owner, concertId);
    const dates = await scheduleIds(concertId);
    const [a, b] = await Promise.all(dates.map(seatsOf));
    const [fan, racer] = await createUsers(2);
    await createHold(fan!, { scheduleId: dates[0]!, seatIds: [a![0]!.id, a![1]!.id] }, { ttlSeconds: 300 });
    await expect(createHold(fan!, { scheduleId: dates[1]!, seatIds: [b![0]!.id, b![1]!.id] }, { ttlSeconds: 300 })).rejects.toMatchObject({ code: "TICKET_LIMIT" });
    await createHold(fan!, { scheduleId: dates[1]!, seatIds: [b![0]!.id] }, { ttlSeconds: 300 });

    const raced = await Promise.allSettled(dates.map((date, i) => createHold(racer!, { scheduleId: date, seatIds: [[a, b][i]![5]!.id, [a, b][i]![6]!.id] }, { ttlSeconds: 300 })));
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(raced.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["TICKET_LIMIT"]);

    // A hold made by a clock that thought the first had lapsed does not let the first be paid past the limit.
    const [late] = await createUsers(1);
    await fund(late!, 1_000_000);
    const first = await createHold(late!, { scheduleId: dates[0]!, seatIds: [a![8]!.id, a![9]!.id] }, { ttlSeconds: 300 });
    const ahead = { now: () => new Date(Date.now() + 301_000) };
    await createHold(late!, { scheduleId: dates[1]!, seatIds: [b![8]!.id, b![9]!.id] }, { ttlSeconds: 300, clock: ahead });
    await expect(inSqlTransaction(pool(), (tx) => payHold(tx, late!, first.id))).rejects.toMatchObject({ code: "TICKET_LIMIT" });
  });

  it("cancel: release every live hold, refuse new holds, payments and entries, and show as cancelled", async () => {
    const o = await organizer();
    const concertId = await readyDraft(o);
    await publish(o.owner, concertId);
    const [date] = await scheduleIds(concertId);
    const [holder, payer] = await createUsers(2);
    await fund(payer!, 1_000_000);
    const seats = await seatsOf(date!);
    const held = await createHold(holder!, { scheduleId: date!, seatIds: [seats[0]!.id] }, { ttlSeconds: 300 });
    const toPay = await createHold(payer!, { scheduleId: date!, seatIds: [seats[1]!.id] }, { ttlSeconds: 300 });

    const cancelled = await cancel(o.owner, concertId);
    expect(cancelled.body).toMatchObject({ status: "CANCELLED", cancelledAt: expect.any(String) });
    expect(await db.hold.findMany({ where: { id: { in: [held.id, toPay.id] } }, select: { status: true } })).toEqual([{ status: "RELEASED" }, { status: "RELEASED" }]);
    expect(await db.seat.count({ where: { scheduleId: date!, holdId: { not: null } } })).toBe(0);
    await expect(createHold(holder!, { scheduleId: date!, seatIds: [seats[2]!.id] }, { ttlSeconds: 300 })).rejects.toMatchObject({ code: "SCHEDULE_NOT_ON_SALE" });

    // A hold slipped in as the cancel committed cannot be paid.
    await db.$executeRaw`UPDATE holds SET status = 'ACTIVE', closed_at = NULL WHERE id = ${toPay.id}::uuid`;
    await db.$executeRaw`UPDATE seats SET hold_id = ${toPay.id}::uuid, hold_expires_at = now() + interval '5 minutes' WHERE id = ${seats[1]!.id}::uuid`;
    await expect(inSqlTransaction(pool(), (tx) => payHold(tx, payer!, toPay.id))).rejects.toMatchObject({ code: "SCHEDULE_NOT_ON_SALE" });

    const fan = await createTestUser("late-fan");
    const entry = await call(ENTER, { method: "POST", headers: fan.auth, params: { concertId } });
    expect(entry.status).toBe(409);
    expect(entry.body.code).toBe("CONCERT_STATUS");
    const listed = (await call(CATALOGUE, { path: "/?limit=100" })).body.items.find((c: { id: string }) => c.id === concertId);
    expect(listed.status).toBe("CANCELLED");
    expect((await update(o.owner, concertId, { title: "Back on" })).body.code).toBe("CONCERT_STATUS");
    // A draft was never public: it is not cancelled (it would show in the catalogue).
    const draft = await readyDraft(o);
    expect((await cancel(o.owner, draft)).body.code).toBe("CONCERT_STATUS");
  });
});
