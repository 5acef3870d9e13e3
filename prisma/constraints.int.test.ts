import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { createConcert, createSchedule, createTestUser } from "@/tests/helpers";

// The database itself backs the invariants, whatever the application code does. Each
// test races real concurrent transactions straight at the constraint.

// A date of its own per test, so other suites' holds and sales cannot interfere.
async function anySchedule() {
  return createSchedule((await createConcert()).id, 2);
}

describe("database invariants", () => {
  it("sells a seat at most once: 30 racing ticket inserts, one wins", async () => {
    const schedule = await anySchedule();
    const seat = schedule.seats[0]!;
    const buyers = await Promise.all(Array.from({ length: 30 }, (_, i) => createTestUser(`buyer${i}`)));
    const results = await Promise.allSettled(
      buyers.map((buyer, i) =>
        db.$transaction(async (tx) => {
          const hold = await tx.hold.create({
            data: { userId: buyer.id, scheduleId: schedule.id, amount: seat.price, expiresAt: new Date(Date.now() + 60_000), status: "PAID", closedAt: new Date() },
          });
          const payment = await tx.payment.create({ data: { userId: buyer.id, holdId: hold.id, amount: seat.price, orderNumber: `T-${i}-${hold.id}` } });
          await tx.reservation.create({
            data: { userId: buyer.id, paymentId: payment.id, scheduleId: schedule.id, seatId: seat.id, price: seat.price, code: `T-${i}-${hold.id}` },
          });
        }),
      ),
    );
    const rejected = results.filter((r) => r.status === "rejected");
    expect(results.length - rejected.length).toBe(1);
    expect(rejected.every((r) => isUniqueViolation(r.reason))).toBe(true);
    expect(await db.reservation.count({ where: { seatId: seat.id } })).toBe(1);
  });

  it("never lets a balance go negative: 40 racing debits of a 10-ticket balance, 10 succeed", async () => {
    const user = await createTestUser();
    await db.wallet.update({ where: { userId: user.id }, data: { balance: 10_000 } });
    const debits = await Promise.allSettled(
      Array.from({ length: 40 }, () => db.$executeRaw`UPDATE wallets SET balance = balance - 1000 WHERE user_id = ${user.id}::uuid`),
    );
    expect(debits.filter((d) => d.status === "fulfilled")).toHaveLength(10);
    expect((await db.wallet.findUniqueOrThrow({ where: { userId: user.id } })).balance).toBe(0);
  });

  it("keeps at most one active hold per user and schedule, even when 10 are created at once", async () => {
    const user = await createTestUser();
    const schedule = await anySchedule();
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        db.hold.create({ data: { userId: user.id, scheduleId: schedule.id, amount: 1000, expiresAt: new Date(Date.now() + 60_000) } }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(await db.hold.count({ where: { userId: user.id, scheduleId: schedule.id, status: "ACTIVE" } })).toBe(1);
  });

  it("rejects a sold seat that still carries a hold, and hold columns set apart", async () => {
    const { seats } = await anySchedule();
    const seat = seats[1]!;
    await expect(db.seat.update({ where: { id: seat.id }, data: { holdExpiresAt: new Date() } })).rejects.toThrow();
    await expect(db.$executeRaw`UPDATE seats SET price = 0 WHERE id = ${seat.id}::uuid`).rejects.toThrow();
  });
});
