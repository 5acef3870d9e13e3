import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as SCHEDULES } from "@/app/api/v1/concerts/[concertId]/schedules/route";
import { POST as HOLD } from "@/app/api/v1/holds/route";
import { db } from "@/lib/db";
import { call, createConcert, createSchedule, createShoppers } from "@/tests/helpers";
import { GET } from "./route";
import { GET as STATUSES } from "./status/route";

describe("seat map and bookable dates", () => {
  it("shows every seat with price and AVAILABLE / HELD / SOLD, never who holds it", async () => {
    const concert = await createConcert({ activeLimit: 10, admitPerTick: 10 });
    const schedule = await createSchedule(concert.id, 4);
    const [holder, viewer] = await createShoppers(concert.id, 2);
    const [a, b] = schedule.seats;
    await call(HOLD, { method: "POST", headers: holder!.headers, body: { scheduleId: schedule.id, seatIds: [a!.id] } });
    await db.seat.update({ where: { id: b!.id }, data: { status: "SOLD" } });

    const response = await call(GET, { params: { scheduleId: schedule.id }, headers: viewer!.headers });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ scheduleId: schedule.id, concertId: concert.id });
    const byId = Object.fromEntries(response.body.seats.map((s: { id: string }) => [s.id, s]));
    expect(byId[a!.id]).toEqual({ id: a!.id, section: "Floor", row: "A", number: 1, tier: "VIP", price: 150_000, status: "HELD" });
    expect(byId[b!.id].status).toBe("SOLD");
    expect(response.body.seats.filter((s: { status: string }) => s.status === "AVAILABLE")).toHaveLength(2);
    expect(JSON.stringify(response.body)).not.toContain(holder!.id);

    const dates = await call(SCHEDULES, { params: { concertId: concert.id }, headers: viewer!.headers });
    expect(dates.body.items).toEqual([
      { id: schedule.id, startsAt: expect.any(String), seats: { total: 4, available: 2 }, prices: { min: 90_000, max: 150_000 } },
    ]);
  });

  it("lists only dates on sale, upcoming and not sold out", async () => {
    const concert = await createConcert({ activeLimit: 10, admitPerTick: 10 });
    const onSale = await createSchedule(concert.id, 2);
    const soldOut = await createSchedule(concert.id, 1);
    await db.seat.updateMany({ where: { scheduleId: soldOut.id }, data: { status: "SOLD" } });
    const notYet = await createSchedule(concert.id, 2);
    await db.schedule.update({ where: { id: notYet.id }, data: { salesOpenAt: new Date(Date.now() + 86_400_000) } });
    const [viewer] = await createShoppers(concert.id, 1);
    const dates = await call(SCHEDULES, { params: { concertId: concert.id }, headers: viewer!.headers });
    expect(dates.body.items.map((d: { id: string }) => d.id)).toEqual([onSale.id]);
  });

  it("answers 404 for unknown ids and 400 for malformed ones", async () => {
    const concert = await createConcert();
    const [viewer] = await createShoppers(concert.id, 1);
    expect((await call(GET, { params: { scheduleId: randomUUID() }, headers: viewer!.headers })).status).toBe(404);
    expect((await call(GET, { params: { scheduleId: "x" }, headers: viewer!.headers })).status).toBe(400);
    expect((await call(SCHEDULES, { params: { concertId: randomUUID() }, headers: viewer!.headers })).body.code).toBe("QUEUE_TOKEN_WRONG_CONCERT");
  });
});

describe("seat statuses", () => {
  it("gives one character per seat in the seat map's order, live", async () => {
    const concert = await createConcert({ activeLimit: 10, admitPerTick: 10 });
    const schedule = await createSchedule(concert.id, 6);
    const [holder, viewer] = await createShoppers(concert.id, 2);
    const map = (await call(GET, { params: { scheduleId: schedule.id }, headers: viewer!.headers })).body.seats as { id: string }[];
    await call(HOLD, { method: "POST", headers: holder!.headers, body: { scheduleId: schedule.id, seatIds: [map[2]!.id] } });
    await db.seat.update({ where: { id: map[4]!.id }, data: { status: "SOLD" } });
    const response = await call(STATUSES, { params: { scheduleId: schedule.id }, headers: viewer!.headers });
    expect(response.body).toEqual({ scheduleId: schedule.id, statuses: "AAHASA" });
    const full = (await call(GET, { params: { scheduleId: schedule.id }, headers: viewer!.headers })).body.seats as { status: string }[];
    expect(full.map((s) => s.status[0]).join("")).toBe("AAHASA");
    expect((await call(STATUSES, { params: { scheduleId: schedule.id }, headers: { authorization: viewer!.headers.authorization } })).status).toBe(403);
  });
});
