import { describe, expect, it } from "vitest";
import { GET as MY_HOLDS } from "@/app/api/v1/me/holds/route";
import { GET as SEATS } from "@/app/api/v1/schedules/[scheduleId]/seats/route";
import { db } from "@/lib/db";
import { call, createConcert, createSchedule, createShoppers, createTestUser } from "@/tests/helpers";
import { DELETE, GET, PATCH } from "./[holdId]/route";
import { POST } from "./route";

const hold = (headers: Record<string, string>, scheduleId: string, seatIds: string[]) =>
  call(POST, { method: "POST", headers, body: { scheduleId, seatIds } });

async function bookableDate(shoppers: number, seats = 8) {
  const concert = await createConcert({ activeLimit: 1000, admitPerTick: 1000 });
  const schedule = await createSchedule(concert.id, seats);
  return { concert, schedule, seatIds: schedule.seats.map((s) => s.id), shoppers: await createShoppers(concert.id, shoppers) };
}

describe("POST /api/v1/holds", () => {
  it("holds seats all together, with the amount and an expiry five minutes out", async () => {
    const { schedule, seatIds, shoppers } = await bookableDate(1);
    const before = Date.now();
    const response = await hold(shoppers[0]!.headers, schedule.id, [seatIds[0]!, seatIds[5]!]);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ scheduleId: schedule.id, status: "ACTIVE", amount: 150_000 + 90_000 });
    expect(response.body.seats.map((s: { id: string }) => s.id).sort()).toEqual([seatIds[0], seatIds[5]].sort());
    const expiresIn = new Date(response.body.expiresAt).getTime() - before;
    expect(expiresIn).toBeGreaterThan(295_000);
    expect(expiresIn).toBeLessThan(305_000);
  });

  it("ends a hold with the shopping time it was made in, never after it", async () => {
    const { concert, schedule, seatIds, shoppers } = await bookableDate(1);
    const shoppingEndsAt = new Date(Date.now() + 20_000);
    await db.queueEntry.update({ where: { concertId_userId: { concertId: concert.id, userId: shoppers[0]!.id } }, data: { activeUntil: shoppingEndsAt } });
    const response = await hold(shoppers[0]!.headers, schedule.id, [seatIds[0]!]);
    expect(response.status).toBe(201);
    expect(new Date(response.body.expiresAt).getTime()).toBe(shoppingEndsAt.getTime());
    const stored = await db.hold.findUniqueOrThrow({ where: { id: response.body.id } });
    expect(stored.expiresAt.getTime()).toBe(shoppingEndsAt.getTime());
  });

  it("lets exactly one of 200 fans racing for one seat have it", { timeout: 120_000 }, async () => {
    const { schedule, seatIds, shoppers } = await bookableDate(200);
    const responses = await Promise.all(shoppers.map((s) => hold(s.headers, schedule.id, [seatIds[0]!])));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === "SEAT_UNAVAILABLE")).toBe(true);
    const winner = responses.find((r) => r.status === 201)!.body;
    const seat = await db.seat.findUniqueOrThrow({ where: { id: seatIds[0]! } });
    expect(seat.holdId).toBe(winner.id);
    expect(await db.hold.count({ where: { scheduleId: schedule.id, status: "ACTIVE" } })).toBe(1);
  });

  it("never holds part of a request when overlapping holds race, and never fails with a 500", { timeout: 120_000 }, async () => {
    const { schedule, seatIds, shoppers } = await bookableDate(6, 6);
    const [a, b, c, d, e, f] = seatIds as [string, string, string, string, string, string];
    // Chains of overlaps in both directions, so a lock taken out of order would deadlock.
    const requests = [[a, b], [b, c], [c, d], [d, a], [e, f, a], [f, e, c]];
    for (let round = 0; round < 15; round++) {
      const responses = await Promise.all(requests.map((seats, i) => hold(shoppers[i]!.headers, schedule.id, seats)));
      expect(responses.every((r) => r.status === 201 || r.status === 409), JSON.stringify(responses.map((r) => r.body))).toBe(true);
      const won = responses.flatMap((r, i) => (r.status === 201 ? [{ hold: r.body, wanted: requests[i]! }] : []));
      expect(won.length).toBeGreaterThan(0);
      const heldSeats = won.flatMap((w) => w.hold.seats.map((s: { id: string }) => s.id));
      expect(new Set(heldSeats).size).toBe(heldSeats.length);
      for (const w of won) expect(w.hold.seats.map((s: { id: string }) => s.id).sort()).toEqual([...w.wanted].sort());
      const rows = await db.seat.findMany({ where: { scheduleId: schedule.id, holdId: { not: null } }, select: { id: true } });
      expect(rows.map((r) => r.id).sort()).toEqual([...heldSeats].sort());
      await Promise.all(won.map((w, i) => call(DELETE, { method: "DELETE", params: { holdId: w.hold.id }, headers: shoppers[requests.indexOf(w.wanted)]!.headers }).then((r) => expect(r.status, String(i)).toBe(204))));
    }
  });

  it("holds nothing when one seat of the request is taken, and names that seat", async () => {
    const { schedule, seatIds, shoppers } = await bookableDate(2);
    expect((await hold(shoppers[0]!.headers, schedule.id, [seatIds[1]!])).status).toBe(201);
    const response = await hold(shoppers[1]!.headers, schedule.id, [seatIds[0]!, seatIds[1]!]);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: "SEAT_UNAVAILABLE", errors: [{ field: "seatIds", message: `seat ${seatIds[1]} is not available` }] });
    const free = await db.seat.findUniqueOrThrow({ where: { id: seatIds[0]! } });
    expect(free.holdId).toBeNull();
  });

  it("keeps one live hold per person and date: a second is refused until the first is released", async () => {
    const { schedule, seatIds, shoppers } = await bookableDate(1);
    const headers = shoppers[0]!.headers;
    const first = await hold(headers, schedule.id, [seatIds[0]!]);
    const second = await hold(headers, schedule.id, [seatIds[1]!]);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("HOLD_EXISTS");
    // The hold in the way is named, and listed, so a lost answer is never a dead end.
    expect(second.body.holdId).toBe(first.body.id);
    expect((await call(MY_HOLDS, { headers })).body.items.map((h: { id: string }) => h.id)).toEqual([first.body.id]);
    expect((await call(DELETE, { method: "DELETE", params: { holdId: first.body.id }, headers })).status).toBe(204);
    expect((await call(MY_HOLDS, { headers })).body.items).toEqual([]);
    const third = await hold(headers, schedule.id, [seatIds[1]!]);
    expect(third.status).toBe(201);
    // Five at once from one person: still one hold, and each refusal names it.
    const racing = await Promise.all(seatIds.slice(2, 7).map((id) => hold(headers, schedule.id, [id])));
    expect(racing.filter((r) => r.status === 201)).toHaveLength(0);
    expect(racing.every((r) => r.body.code === "HOLD_EXISTS" && r.body.holdId === third.body.id)).toBe(true);
  });

  it("lists only live holds, newest first, across dates, and only the caller's", async () => {
    const { concert, schedule, seatIds, shoppers } = await bookableDate(2);
    const later = await createSchedule(concert.id, 2);
    const [mine, theirs] = [shoppers[0]!.headers, shoppers[1]!.headers];
    const first = await hold(mine, schedule.id, [seatIds[0]!]);
    const second = await hold(mine, later.id, [later.seats[0]!.id]);
    await hold(theirs, schedule.id, [seatIds[1]!]);
    const listed = await call(MY_HOLDS, { headers: mine });
    expect(listed.body.items.map((h: { id: string }) => h.id)).toEqual([second.body.id, first.body.id]);
    // A hold past its expiry is not live, cron or not.
    await db.hold.update({ where: { id: second.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(MY_HOLDS, { headers: mine })).body.items.map((h: { id: string }) => h.id)).toEqual([first.body.id]);
  });

  it("answers 400 naming the field for bad seat lists", async () => {
    const { schedule, seatIds, shoppers } = await bookableDate(1);
    const other = await createSchedule((await db.schedule.findUniqueOrThrow({ where: { id: schedule.id } })).concertId, 2);
    const cases: [unknown, string][] = [
      [[], "pick at least one seat"],
      [seatIds.slice(0, 5), "pick at most 4 seats"],
      [[seatIds[0], seatIds[0]], "must not repeat a seat"],
      [["nope"], "must be a seat id"],
      [[other.seats[0]!.id], `seat ${other.seats[0]!.id} is not a seat of this date`],
    ];
    for (const [seatIdsInput, message] of cases) {
      const response = await call(POST, { method: "POST", headers: shoppers[0]!.headers, body: { scheduleId: schedule.id, seatIds: seatIdsInput } });
      expect(response.status, message).toBe(400);
      expect(response.body.errors.map((e: { message: string }) => e.message)).toContain(message);
    }
    expect(await db.hold.count({ where: { scheduleId: schedule.id } })).toBe(0);
  });

  it("requires an active queue token for the date's concert", async () => {
    const { schedule, seatIds, shoppers } = await bookableDate(1);
    const { authorization } = shoppers[0]!.headers;
    expect((await hold({ authorization }, schedule.id, [seatIds[0]!])).body.code).toBe("QUEUE_TOKEN_MISSING");
    const elsewhere = await bookableDate(1);
    const wrong = await hold({ authorization: elsewhere.shoppers[0]!.headers.authorization, "x-queue-token": elsewhere.shoppers[0]!.headers["x-queue-token"] }, schedule.id, [seatIds[0]!]);
    expect(wrong.body.code).toBe("QUEUE_TOKEN_WRONG_CONCERT");
    const seatMap = await call(SEATS, { params: { scheduleId: schedule.id }, headers: { authorization } });
    expect(seatMap.status).toBe(403);
  });
});

describe("GET and DELETE /api/v1/holds/{holdId}", () => {
  it("shows and releases a hold for its owner only; others get 404", async () => {
    const { schedule, seatIds, shoppers } = await bookableDate(1);
    const owner = shoppers[0]!.headers;
    const stranger = await createTestUser("stranger");
    const { body: created } = await hold(owner, schedule.id, [seatIds[0]!]);
    expect((await call(GET, { params: { holdId: created.id }, headers: owner })).body).toMatchObject({ id: created.id, status: "ACTIVE" });
    expect((await call(GET, { params: { holdId: created.id }, headers: stranger.auth })).status).toBe(404);
    expect((await call(DELETE, { method: "DELETE", params: { holdId: created.id }, headers: stranger.auth })).status).toBe(404);
    expect((await db.seat.findUniqueOrThrow({ where: { id: seatIds[0]! } })).holdId).toBe(created.id);

    expect((await call(DELETE, { method: "DELETE", params: { holdId: created.id }, headers: owner })).status).toBe(204);
    expect((await call(DELETE, { method: "DELETE", params: { holdId: created.id }, headers: owner })).status).toBe(204);
    expect((await call(GET, { params: { holdId: created.id }, headers: owner })).body.status).toBe("RELEASED");
    expect((await db.seat.findUniqueOrThrow({ where: { id: seatIds[0]! } })).holdId).toBeNull();
  });
});

describe("PATCH /api/v1/holds/{holdId}", () => {
  const change = (headers: Record<string, string>, holdId: string, seatIds: string[]) =>
    call(PATCH, { method: "PATCH", params: { holdId }, headers, body: { seatIds } });
  const holderOf = async (seatId: string) => (await db.seat.findUniqueOrThrow({ where: { id: seatId } })).holdId;

  it("keeps, adds and drops seats in one go, with the new amount and the same expiry", async () => {
    const { schedule, seatIds, shoppers } = await bookableDate(1);
    const owner = shoppers[0]!.headers;
    const { body: held } = await hold(owner, schedule.id, [seatIds[0]!, seatIds[1]!]);

    const changed = await change(owner, held.id, [seatIds[1]!, seatIds[5]!, seatIds[6]!]);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: held.id, status: "ACTIVE", expiresAt: held.expiresAt, amount: 150_000 + 90_000 + 90_000 });
    expect(changed.body.seats.map((s: { id: string }) => s.id).sort()).toEqual([seatIds[1], seatIds[5], seatIds[6]].sort());
    expect(await holderOf(seatIds[0]!)).toBeNull();
    for (const id of [seatIds[1]!, seatIds[5]!, seatIds[6]!]) expect(await holderOf(id)).toBe(held.id);
    const stored = await db.hold.findUniqueOrThrow({ where: { id: held.id }, include: { seats: true } });
    expect(stored.amount).toBe(changed.body.amount);
    expect(stored.seats.map((s) => s.seatId).sort()).toEqual([seatIds[1], seatIds[5], seatIds[6]].sort());
  });

  it("changes nothing when one new seat is taken, and names it", async () => {
    const { schedule, seatIds, shoppers } = await bookableDate(2);
    const { body: mine } = await hold(shoppers[0]!.headers, schedule.id, [seatIds[0]!]);
    await hold(shoppers[1]!.headers, schedule.id, [seatIds[2]!]);

    const refused = await change(shoppers[0]!.headers, mine.id, [seatIds[1]!, seatIds[2]!]);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "SEAT_UNAVAILABLE", errors: [{ field: "seatIds", message: `seat ${seatIds[2]} is not available` }] });
    expect(await holderOf(seatIds[0]!)).toBe(mine.id);
    expect(await holderOf(seatIds[1]!)).toBeNull();
    expect((await db.hold.findUniqueOrThrow({ where: { id: mine.id } })).amount).toBe(mine.amount);
  });

  it("gives a free seat to exactly one of 30 holders adding it at once, and never a seat to two holds", { timeout: 120_000 }, async () => {
    const { schedule, seatIds, shoppers } = await bookableDate(30, 40);
    const holds = await Promise.all(shoppers.map(async (s, i) => (await hold(s.headers, schedule.id, [seatIds[i]!])).body));
    const contested = seatIds[35]!;
    // Half add the contested seat to their own; the other half also drop theirs for it.
    const responses = await Promise.all(
      shoppers.map((s, i) => change(s.headers, holds[i]!.id, i % 2 ? [contested] : [seatIds[i]!, contested])),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status !== 200).every((r) => r.status === 409 && r.body.code === "SEAT_UNAVAILABLE")).toBe(true);
    const winner = responses.findIndex((r) => r.status === 200);
    expect(await holderOf(contested)).toBe(holds[winner]!.id);
    // Every loser still holds exactly what it held before.
    for (const [i, h] of holds.entries()) if (i !== winner) expect(await holderOf(seatIds[i]!)).toBe(h.id);
    const held = await db.holdSeat.findMany({ where: { hold: { scheduleId: schedule.id, status: "ACTIVE" } } });
    expect(new Set(held.map((h) => h.seatId)).size).toBe(held.length);
  });

  it("refuses holds that are not the caller's, no longer live, or a bad seat list", async () => {
    const { schedule, seatIds, shoppers } = await bookableDate(2);
    const owner = shoppers[0]!.headers;
    const { body: held } = await hold(owner, schedule.id, [seatIds[0]!]);
    expect((await change(shoppers[1]!.headers, held.id, [seatIds[1]!])).status).toBe(404);

    const tooMany = await change(owner, held.id, seatIds.slice(0, 5));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([{ field: "seatIds", message: "pick at most 4 seats" }]);
    expect((await change(owner, held.id, [])).body.errors).toEqual([{ field: "seatIds", message: "pick at least one seat" }]);

    await db.hold.update({ where: { id: held.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await change(owner, held.id, [seatIds[1]!])).body.code).toBe("HOLD_EXPIRED");
    await call(DELETE, { method: "DELETE", params: { holdId: held.id }, headers: owner });
    const released = await hold(owner, schedule.id, [seatIds[2]!]);
    await call(DELETE, { method: "DELETE", params: { holdId: released.body.id }, headers: owner });
    expect((await change(owner, released.body.id, [seatIds[3]!])).body.code).toBe("HOLD_CLOSED");
  });
});
