import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as GET_HOLD } from "@/app/api/v1/holds/[holdId]/route";
import { POST as HOLD } from "@/app/api/v1/holds/route";
import { GET as RESERVATIONS } from "@/app/api/v1/me/reservations/route";
import { GET as SEATS } from "@/app/api/v1/schedules/[scheduleId]/seats/route";
import { releaseExpiredHolds } from "@/lib/booking/release-expired-holds";
import { createHold } from "@/lib/booking/create-hold";
import { db } from "@/lib/db";
import { call, createConcert, createSchedule, createShoppers, createTestUser, fund } from "@/tests/helpers";
import { POST } from "./route";

const pay = (headers: Record<string, string>, holdId: string, key = randomUUID()) =>
  call(POST, { method: "POST", headers: { ...headers, "idempotency-key": key }, body: { holdId } });

async function shoppingWithHold(balance: number, seats = 2) {
  const concert = await createConcert({ activeLimit: 100, admitPerTick: 100 });
  const schedule = await createSchedule(concert.id, 8);
  const [shopper, other] = await createShoppers(concert.id, 2);
  await fund(shopper!.id, balance);
  const held = await call(HOLD, { method: "POST", headers: shopper!.headers, body: { scheduleId: schedule.id, seatIds: schedule.seats.slice(0, seats).map((s) => s.id) } });
  expect(held.status).toBe(201);
  return { concert, schedule, shopper: shopper!, other: other!, hold: held.body };
}

const balanceOf = async (userId: string) => (await db.wallet.findUniqueOrThrow({ where: { userId } })).balance;
const ledgerSum = async (userId: string) => (await db.ledgerEntry.aggregate({ where: { userId }, _sum: { amount: true } }))._sum.amount ?? 0;

describe("POST /api/v1/payments", () => {
  it("pays in one go: debit, seats SOLD, tickets, ledger row, hold PAID, and the queue token ends", async () => {
    const { schedule, shopper, other, hold } = await shoppingWithHold(500_000);
    const response = await pay(shopper.headers, hold.id);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ holdId: hold.id, amount: 300_000, balance: 200_000 });
    expect(response.body.tickets).toHaveLength(2);
    expect(response.body.tickets[0].code).toMatch(/^SP-[2-9A-HJ-NP-Z]{12}$/);

    expect(await balanceOf(shopper.id)).toBe(200_000);
    expect(await ledgerSum(shopper.id)).toBe(200_000);
    expect((await call(GET_HOLD, { params: { holdId: hold.id }, headers: shopper.headers })).body.status).toBe("PAID");
    const seats = (await call(SEATS, { params: { scheduleId: schedule.id }, headers: other.headers })).body.seats;
    expect(seats.filter((s: { status: string }) => s.status === "SOLD").map((s: { id: string }) => s.id).sort()).toEqual(
      hold.seats.map((s: { id: string }) => s.id).sort(),
    );
    const tickets = await call(RESERVATIONS, { headers: shopper.headers });
    expect(tickets.body.items.map((t: { code: string }) => t.code).sort()).toEqual(response.body.tickets.map((t: { code: string }) => t.code).sort());
    expect(tickets.body.items[0]).toMatchObject({ concert: { title: "Test Concert" }, price: expect.any(Number), paidAt: expect.any(String) });

    // Paying ended the shopping session: the queue token no longer opens anything.
    expect((await call(SEATS, { params: { scheduleId: schedule.id }, headers: shopper.headers })).body.code).toBe("QUEUE_NOT_ACTIVE");
    expect((await pay(shopper.headers, hold.id)).body.code).toBe("QUEUE_NOT_ACTIVE");
  });

  it("replays the receipt for a retried payment with the same key, charging once, even after the session ended", async () => {
    const { shopper, hold } = await shoppingWithHold(500_000);
    const key = randomUUID();
    const first = await pay(shopper.headers, hold.id, key);
    const again = await pay(shopper.headers, hold.id, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await balanceOf(shopper.id)).toBe(200_000);
  });

  it("lets exactly one of 20 racing payments of one hold through, with one debit", async () => {
    const { shopper, hold } = await shoppingWithHold(1_000_000);
    const responses = await Promise.all(Array.from({ length: 20 }, () => pay(shopper.headers, hold.id)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 409 || s === 403)).toBe(true);
    expect(await balanceOf(shopper.id)).toBe(700_000);
    expect(await db.payment.count({ where: { holdId: hold.id } })).toBe(1);
    expect(await db.reservation.count({ where: { payment: { holdId: hold.id } } })).toBe(2);
    expect(await ledgerSum(shopper.id)).toBe(700_000);
  });

  it("refuses a payment the wallet cannot cover and changes nothing; the hold stays", async () => {
    const { shopper, hold } = await shoppingWithHold(100_000);
    const response = await pay(shopper.headers, hold.id);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe("INSUFFICIENT_BALANCE");
    expect(await balanceOf(shopper.id)).toBe(100_000);
    expect((await call(GET_HOLD, { params: { holdId: hold.id }, headers: shopper.headers })).body.status).toBe("ACTIVE");
    await fund(shopper.id, 200_000);
    expect((await pay(shopper.headers, hold.id)).status).toBe(201);
  });

  it("answers 404 for someone else's hold and leaves it alone", async () => {
    const { shopper, other, hold } = await shoppingWithHold(500_000);
    await fund(other.id, 500_000);
    const response = await pay(other.headers, hold.id);
    expect(response.status).toBe(404);
    expect(await balanceOf(other.id)).toBe(500_000);
    // Not even the existence of someone else's hold shows, token or no token.
    const stranger = await createTestUser();
    expect((await pay(stranger.auth, hold.id)).body.code).toBe("NOT_FOUND");
    expect((await call(GET_HOLD, { params: { holdId: hold.id }, headers: shopper.headers })).body.status).toBe("ACTIVE");
  });

  it("answers 410 for a lapsed hold, with or without cron, and moves no money", async () => {
    const concert = await createConcert({ activeLimit: 10, admitPerTick: 10 });
    const schedule = await createSchedule(concert.id, 4);
    const [shopper] = await createShoppers(concert.id, 1);
    await fund(shopper!.id, 500_000);
    const lazy = await createHold(shopper!.id, { scheduleId: schedule.id, seatIds: [schedule.seats[0]!.id] }, { ttlSeconds: 1 });
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await pay(shopper!.headers, lazy.id)).body).toMatchObject({ status: 410, code: "HOLD_EXPIRED" });
    await releaseExpiredHolds();
    expect((await pay(shopper!.headers, lazy.id)).body).toMatchObject({ status: 410, code: "HOLD_EXPIRED" });
    expect(await balanceOf(shopper!.id)).toBe(500_000);
  });

  it("settles a payment racing its hold's expiry one way only: paid, or expired with no money moved", { timeout: 120_000 }, async () => {
    const concert = await createConcert({ activeLimit: 100, admitPerTick: 100 });
    const schedule = await createSchedule(concert.id, 24);
    const shoppers = await createShoppers(concert.id, 12);
    const outcomes = { paid: 0, expired: 0 };
    for (const [i, shopper] of shoppers.entries()) {
      await fund(shopper.id, 500_000);
      const seat = schedule.seats[i * 2]!;
      const hold = await createHold(shopper.id, { scheduleId: schedule.id, seatIds: [seat.id] }, { ttlSeconds: 1 });
      // Aim the payment at the moment of expiry, with cron running at the same time.
      await new Promise((r) => setTimeout(r, 960 + (i % 6) * 15));
      const [payment] = await Promise.all([pay(shopper.headers, hold.id), releaseExpiredHolds()]);
      expect([201, 410]).toContain(payment.status);
      const [row, seatRow, balance] = await Promise.all([
        db.hold.findUniqueOrThrow({ where: { id: hold.id } }),
        db.seat.findUniqueOrThrow({ where: { id: seat.id } }),
        balanceOf(shopper.id),
      ]);
      if (payment.status === 201) {
        outcomes.paid++;
        expect(row.status).toBe("PAID");
        expect(seatRow.status).toBe("SOLD");
        expect(balance).toBe(500_000 - seat.price);
      } else {
        outcomes.expired++;
        expect(row.status).not.toBe("PAID");
        expect(seatRow.status).toBe("AVAILABLE");
        expect(balance).toBe(500_000);
      }
      expect(await ledgerSum(shopper.id)).toBe(balance);
    }
    expect(outcomes.paid + outcomes.expired).toBe(12);
  });
});
