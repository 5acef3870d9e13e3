import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PATCH as CHANGE } from "@/app/api/v1/holds/[holdId]/route";
import { POST as HOLD } from "@/app/api/v1/holds/route";
import { POST as PAY } from "@/app/api/v1/payments/route";
import { createHold } from "@/lib/booking/create-hold";
import { db } from "@/lib/db";
import { call, createConcert, createSchedule, createShoppers, fund } from "@/tests/helpers";
import { DELETE as LEAVE } from "./route";

type Shopper = Awaited<ReturnType<typeof createShoppers>>[number];

const hold = async (shopper: Shopper, schedule: { id: string; seats: { id: string }[] }, from: number, count: number) => {
  const response = await call(HOLD, { method: "POST", headers: shopper.headers, body: { scheduleId: schedule.id, seatIds: schedule.seats.slice(from, from + count).map((s) => s.id) } });
  expect(response.status).toBe(201);
  return response.body as { id: string; amount: number };
};
const leave = (shopper: Shopper) => call(LEAVE, { method: "DELETE", headers: shopper.headers });

describe("DELETE /api/v1/queue", () => {
  it("gives back the seats you hold on the concert's dates, and only those", async () => {
    const concert = await createConcert({ activeLimit: 100, admitPerTick: 100 });
    const [first, second] = [await createSchedule(concert.id, 8), await createSchedule(concert.id, 8)];
    const [shopper, other] = await createShoppers(concert.id, 2);
    // What the same person holds for another concert is not this line's business.
    const elsewhere = await createSchedule((await createConcert()).id, 4);
    const kept = await createHold(shopper!.id, { scheduleId: elsewhere.id, seatIds: [elsewhere.seats[0]!.id] });
    const holds = [await hold(shopper!, first, 0, 2), await hold(shopper!, second, 0, 1)];
    const othersHold = await hold(other!, first, 4, 1);

    expect((await leave(shopper!)).status).toBe(204);

    for (const { id } of holds) expect((await db.hold.findUniqueOrThrow({ where: { id } })).status).toBe("RELEASED");
    expect(await db.seat.count({ where: { holdId: { in: holds.map((h) => h.id) } } })).toBe(0);
    expect((await db.hold.findUniqueOrThrow({ where: { id: othersHold.id } })).status).toBe("ACTIVE");
    expect((await db.hold.findUniqueOrThrow({ where: { id: kept.id } })).status).toBe("ACTIVE");
  });

  it("never both sells and releases a hold when paying and leaving race", { timeout: 120_000 }, async () => {
    const concert = await createConcert({ activeLimit: 100, admitPerTick: 100 });
    const schedule = await createSchedule(concert.id, 60);
    const shoppers = await createShoppers(concert.id, 30);
    const holds = await Promise.all(shoppers.map(async (shopper, i) => {
      await fund(shopper.id, 1_000_000);
      return hold(shopper, schedule, i * 2, 2);
    }));

    await Promise.all(shoppers.flatMap((shopper, i) => [
      call(PAY, { method: "POST", headers: { ...shopper.headers, "idempotency-key": randomUUID() }, body: { holdId: holds[i]!.id } }),
      leave(shopper),
    ]));

    for (const [i, { id }] of holds.entries()) {
      const stored = await db.hold.findUniqueOrThrow({ where: { id } });
      const sold = await db.reservation.count({ where: { seatId: { in: schedule.seats.slice(i * 2, i * 2 + 2).map((s) => s.id) } } });
      const held = await db.seat.count({ where: { holdId: id } });
      const wallet = await db.wallet.findUniqueOrThrow({ where: { userId: shoppers[i]!.id } });
      if (stored.status === "PAID") {
        expect(sold).toBe(2);
        expect(wallet.balance).toBe(1_000_000 - holds[i]!.amount);
      } else {
        expect(stored.status).toBe("RELEASED");
        expect(sold).toBe(0);
        expect(held).toBe(0);
        expect(wallet.balance).toBe(1_000_000);
      }
    }
  });

  it("leaves no seat held for a closed hold when changing the hold and leaving race", { timeout: 120_000 }, async () => {
    const concert = await createConcert({ activeLimit: 100, admitPerTick: 100 });
    const schedule = await createSchedule(concert.id, 90);
    const shoppers = await createShoppers(concert.id, 30);
    const holds = await Promise.all(shoppers.map((shopper, i) => hold(shopper, schedule, i * 3, 1)));

    await Promise.all(shoppers.flatMap((shopper, i) => [
      call(CHANGE, { method: "PATCH", params: { holdId: holds[i]!.id }, headers: shopper.headers, body: { seatIds: schedule.seats.slice(i * 3, i * 3 + 3).map((s) => s.id) } }),
      leave(shopper),
    ]));

    // Every hold ended, and no seat still points at one of them.
    expect(await db.hold.count({ where: { id: { in: holds.map((h) => h.id) }, status: "ACTIVE" } })).toBe(0);
    expect(await db.seat.count({ where: { scheduleId: schedule.id, holdId: { not: null } } })).toBe(0);
  });
});
