import { describe, expect, it } from "vitest";
import { changeHold } from "@/lib/booking/change-hold";
import { createHold } from "@/lib/booking/create-hold";
import { releaseHold } from "@/lib/booking/release-hold";
import { db, pool } from "@/lib/db";
import { payHold } from "@/lib/payments/pay-hold";
import { inSqlTransaction } from "@/lib/sql";
import { chargeWallet } from "@/lib/wallet/charge-wallet";
import { createConcert, createSchedule, createUsers, fund } from "@/tests/helpers";
import type { DomainEvent } from "./domain-event";
import { eventHub } from "./hub";
import { canResumeFrom, eventsAfter, lastEventPosition, purgeOldEvents } from "./read-events";
import { sequenceAllEvents, sequenceEvents } from "./sequencer";

async function eventsOf(where: { userId?: string; scheduleId?: string }) {
  const rows = await db.event.findMany({ where, orderBy: { id: "asc" } });
  return rows.map((row) => ({ type: row.type, payload: row.payload as Record<string, unknown> }));
}

describe("domain events", () => {
  it("are written by each change in its own transaction, one per change, with what a consumer needs", async () => {
    const concert = await createConcert();
    const schedule = await createSchedule(concert.id, 4);
    const [buyer] = await createUsers(1);
    await fund(buyer!, 500_000);
    const [a, b, c] = schedule.seats.map((seat) => seat.id).sort();

    const kept = await createHold(buyer!, { scheduleId: schedule.id, seatIds: [a!, b!] });
    await inSqlTransaction(pool(), (tx) => payHold(tx, buyer!, kept.id));
    const other = await createSchedule(concert.id, 2);
    const [x, y] = other.seats.map((seat) => seat.id).sort();
    const given = await createHold(buyer!, { scheduleId: other.id, seatIds: [x!] });
    await changeHold(buyer!, given.id, { seatIds: [y!] });
    await releaseHold(buyer!, given.id);

    expect(await eventsOf({ scheduleId: schedule.id })).toEqual([
      { type: "seat.held", payload: { scheduleId: schedule.id, seatIds: [a, b], heldUntil: expect.any(String) } },
      { type: "hold.created", payload: expect.objectContaining({ holdId: kept.id, seatIds: [a, b], amount: kept.amount }) },
      { type: "seat.sold", payload: { scheduleId: schedule.id, seatIds: [a, b] } },
      { type: "payment.completed", payload: expect.objectContaining({ holdId: kept.id, amount: kept.amount, orderNumber: expect.any(String) }) },
    ]);
    expect((await eventsOf({ scheduleId: other.id })).map((e) => [e.type, e.payload.seatIds])).toEqual([
      ["seat.held", [x]],
      ["hold.created", [x]],
      ["seat.freed", [x]],
      ["seat.held", [y]],
      ["hold.changed", [y]],
      ["hold.released", [y]],
      ["seat.freed", [y]],
    ]);
    expect((await eventsOf({ userId: buyer! })).map((e) => e.type)).toEqual([
      "wallet.charged",
      "hold.created",
      "payment.completed",
      "hold.created",
      "hold.changed",
      "hold.released",
    ]);
    expect(c).toBeDefined(); // a seat nobody touched has no event
    expect((await eventsOf({ scheduleId: schedule.id })).flatMap((e) => (e.payload.seatIds as string[]) ?? [])).not.toContain(c);
  });

  it("are never written by a change that rolls back", async () => {
    const concert = await createConcert();
    const schedule = await createSchedule(concert.id, 2);
    const [buyer] = await createUsers(1);
    await fund(buyer!, 500_000);
    const hold = await createHold(buyer!, { scheduleId: schedule.id, seatIds: [schedule.seats[0]!.id] });
    const before = await db.event.count({ where: { OR: [{ userId: buyer! }, { scheduleId: schedule.id }] } });

    await expect(
      inSqlTransaction(pool(), async (tx) => {
        await chargeWallet(tx, buyer!, 10_000);
        await payHold(tx, buyer!, hold.id);
        throw new Error("the request failed after paying");
      }),
    ).rejects.toThrow("failed after paying");
    // A hold on a seat already held fails inside create_hold, after nothing it could keep.
    const [rival] = await createUsers(1);
    await expect(createHold(rival!, { scheduleId: schedule.id, seatIds: [schedule.seats[0]!.id] })).rejects.toThrow();

    expect(await db.event.count({ where: { OR: [{ userId: { in: [buyer!, rival!] } }, { scheduleId: schedule.id }] } })).toBe(before);
  });

  it("get gapless positions in commit order while writers and sequencers race, so a reader at p never finds one below p later", { timeout: 60_000 }, async () => {
    const users = await createUsers(40);
    const mine = new Set(users);
    const seen: DomainEvent[] = [];
    let cursor = await lastEventPosition();
    let writing = true;
    const reader = (async () => {
      for (;;) {
        const batch = await eventsAfter(cursor, 500);
        for (const event of batch) {
          expect(event.position).toBeGreaterThan(cursor);
          cursor = event.position;
          if (event.userId && mine.has(event.userId)) seen.push(event);
        }
        if (!writing && batch.length === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const sequencers = Array.from({ length: 4 }, async () => {
      while (writing) {
        await sequenceEvents();
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    });
    // Each of 200 top-ups is its own transaction, committing in whatever order the races give.
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => inSqlTransaction(pool(), (tx) => chargeWallet(tx, users[i % users.length]!, 1_000))),
    );
    await sequenceAllEvents();
    writing = false;
    await Promise.all(sequencers);
    await reader;

    expect(seen).toHaveLength(200);
    expect(new Set(seen.map((e) => e.position)).size).toBe(200);
    const stored = await db.event.findMany({ where: { userId: { in: users } }, select: { position: true } });
    expect(stored.every((e) => e.position !== null)).toBe(true);
    expect(stored.map((e) => Number(e.position)).sort((x, y) => x - y)).toEqual(seen.map((e) => e.position));
  });

  it("reach a hub subscriber live, and a subscriber resuming from a position gets exactly what came after it", { timeout: 30_000 }, async () => {
    const [fan] = await createUsers(1);
    const start = await sequenceAllEvents();
    const live: DomainEvent[] = [];
    const subscription = await eventHub().subscribe({ userId: fan! }, start, (events) => live.push(...events));
    try {
      for (const amount of [1_000, 2_000, 3_000]) await inSqlTransaction(pool(), (tx) => chargeWallet(tx, fan!, amount));
      await expect.poll(() => live.length, { timeout: 5_000 }).toBe(3); // the hub's own pass numbers them
      expect(live.map((e) => e.payload.amount)).toEqual([1_000, 2_000, 3_000]);

      const resumed: DomainEvent[] = [];
      const again = await eventHub().subscribe({ userId: fan! }, live[0]!.position, (events) => resumed.push(...events));
      again!.close();
      expect(resumed.map((e) => e.position)).toEqual(live.slice(1).map((e) => e.position));
    } finally {
      subscription!.close();
    }
  });

  it("are purged past the retention, after which a reader from before them must start afresh", async () => {
    const [fan] = await createUsers(1);
    await inSqlTransaction(pool(), (tx) => chargeWallet(tx, fan!, 1_000));
    const last = await sequenceAllEvents();
    expect(await canResumeFrom(last)).toBe(true);
    expect(await canResumeFrom(last + 1)).toBe(false); // never given
    const [charged] = await db.event.findMany({ where: { userId: fan! } });
    // Files run one at a time: everything up to this event may age.
    const aged = await db.event.updateMany({ where: { position: { lte: charged!.position! } }, data: { createdAt: new Date("2000-01-01T00:00:00Z") } });

    expect(await purgeOldEvents(new Date("2000-01-02T00:00:00Z"))).toBe(aged.count);
    expect(await db.event.count({ where: { userId: fan! } })).toBe(0);
    expect(await canResumeFrom(Number(charged!.position) - 1)).toBe(false); // its event is gone
    expect(await canResumeFrom(Number(charged!.position))).toBe(true); // nothing after it is
  });
});
