import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SeatMapView } from "@/lib/schemas/booking";
import { createConcert, createSchedule, createUsers } from "@/tests/helpers";
import { createHold } from "./create-hold";
import { getHoldOrThrow } from "./get-hold";
import { getSeatMapJson } from "./get-seat-map";
import { listBookableSchedules } from "./list-concert-dates";
import { releaseExpiredHolds } from "./release-expired-holds";
import { releaseHold } from "./release-hold";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function date(seats = 4) {
  const concert = await createConcert();
  const schedule = await createSchedule(concert.id, seats);
  return { concertId: concert.id, scheduleId: schedule.id, seatIds: schedule.seats.map((s) => s.id) };
}

const statusOf = async (scheduleId: string, seatId: string) =>
  (JSON.parse(Buffer.from(await getSeatMapJson(scheduleId)).toString()) as SeatMapView).seats.find((s) => s.id === seatId)!.status;

describe("hold expiry", () => {
  it("frees a seat the instant its hold lapses, with no cron, for every reader and writer", async () => {
    const { concertId, scheduleId, seatIds } = await date();
    const [first, second] = await createUsers(2);
    const held = await createHold(first!, { scheduleId, seatIds: [seatIds[0]!] }, { ttlSeconds: 2 });
    expect(await statusOf(scheduleId, seatIds[0]!)).toBe("HELD");
    const before = (await listBookableSchedules(concertId)).find((s) => s.id === scheduleId)!.seats.available;

    await sleep(2_100);
    expect(await statusOf(scheduleId, seatIds[0]!)).toBe("AVAILABLE");
    expect((await listBookableSchedules(concertId)).find((s) => s.id === scheduleId)!.seats.available).toBe(before + 1);
    expect((await getHoldOrThrow(first!, held.id)).status).toBe("EXPIRED");
    const taken = await createHold(second!, { scheduleId, seatIds: [seatIds[0]!] });
    expect(taken.status).toBe("ACTIVE");
    // The first holder may hold again too: their lapsed hold no longer counts.
    expect((await createHold(first!, { scheduleId, seatIds: [seatIds[1]!] })).status).toBe("ACTIVE");
  });

  it("is persisted by cron exactly once, even when two ticks run at once", async () => {
    await releaseExpiredHolds(); // start from a clean slate of lapsed holds
    const { scheduleId, seatIds } = await date(6);
    const users = await createUsers(3);
    const holds = await Promise.all(users.map((u, i) => createHold(u, { scheduleId, seatIds: [seatIds[2 * i]!, seatIds[2 * i + 1]!] }, { ttlSeconds: 1 })));
    await sleep(1_100);
    const [a, b] = await Promise.all([releaseExpiredHolds(), releaseExpiredHolds()]);
    expect(a.holds + b.holds).toBe(3);
    expect(a.seats + b.seats).toBe(6);
    expect(await releaseExpiredHolds()).toEqual({ holds: 0, seats: 0 });
    const rows = await db.hold.findMany({ where: { id: { in: holds.map((h) => h.id) } }, select: { status: true, closedAt: true } });
    expect(rows.every((r) => r.status === "EXPIRED" && r.closedAt)).toBe(true);
    expect(await db.seat.count({ where: { scheduleId, holdId: { not: null } } })).toBe(0);
  });

  it("does not touch a seat that was re-held after the lapse, nor a live hold", async () => {
    await releaseExpiredHolds();
    const { scheduleId, seatIds } = await date();
    const [first, second, third] = await createUsers(3);
    await createHold(first!, { scheduleId, seatIds: [seatIds[0]!] }, { ttlSeconds: 1 });
    const live = await createHold(third!, { scheduleId, seatIds: [seatIds[1]!] });
    await sleep(1_100);
    const rehold = await createHold(second!, { scheduleId, seatIds: [seatIds[0]!] });
    expect(await releaseExpiredHolds()).toEqual({ holds: 1, seats: 0 });
    expect((await db.seat.findUniqueOrThrow({ where: { id: seatIds[0]! } })).holdId).toBe(rehold.id);
    expect((await db.seat.findUniqueOrThrow({ where: { id: seatIds[1]! } })).holdId).toBe(live.id);
  });

  it("never touches a sold seat: holding, releasing and expiring leave it sold", async () => {
    await releaseExpiredHolds();
    const { scheduleId, seatIds } = await date();
    const [buyer, other] = await createUsers(2);
    const held = await createHold(buyer!, { scheduleId, seatIds: [seatIds[0]!] }, { ttlSeconds: 1 });
    // Paid the way payment does it: seat SOLD and hold PAID in one transaction.
    await db.$transaction([
      db.seat.update({ where: { id: seatIds[0]! }, data: { status: "SOLD", holdId: null, holdExpiresAt: null } }),
      db.hold.update({ where: { id: held.id }, data: { status: "PAID", closedAt: new Date() } }),
    ]);
    await sleep(1_100);
    await expect(createHold(other!, { scheduleId, seatIds: [seatIds[0]!] })).rejects.toMatchObject({ code: "SEAT_UNAVAILABLE" });
    await expect(releaseHold(buyer!, held.id)).rejects.toMatchObject({ code: "HOLD_CLOSED" });
    expect(await releaseExpiredHolds()).toEqual({ holds: 0, seats: 0 });
    expect(await db.seat.findUniqueOrThrow({ where: { id: seatIds[0]! } })).toMatchObject({ status: "SOLD", holdId: null });
    expect((await getHoldOrThrow(buyer!, held.id)).status).toBe("PAID");
  });
});
