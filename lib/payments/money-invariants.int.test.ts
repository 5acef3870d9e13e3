import { describe, expect, it } from "vitest";
import { createHold } from "@/lib/booking/create-hold";
import { releaseExpiredHolds } from "@/lib/booking/release-expired-holds";
import { releaseHold } from "@/lib/booking/release-hold";
import { db, pool } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { inSqlTransaction } from "@/lib/sql";
import { chargeWallet } from "@/lib/wallet/charge-wallet";
import { createConcert, createSchedule, createUsers } from "@/tests/helpers";
import { payHold } from "./pay-hold";

// Property-style: random interleavings of every money- and seat-moving operation across
// many users, racing in batches; after each batch the invariants must hold. The seed is
// printed so a failure can be replayed (STAGEPASS_SEED=…).

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function checkInvariants(userIds: string[], scheduleId: string) {
  const [money] = await db.$queryRaw<{ bad_wallets: number; balances: number; payments: number; charges: number }[]>`
    SELECT (SELECT count(*)::int FROM wallets w WHERE w.user_id = ANY(${userIds}::uuid[])
              AND (w.balance < 0 OR w.balance <> (SELECT COALESCE(sum(amount), 0) FROM ledger_entries l WHERE l.user_id = w.user_id))) AS bad_wallets,
           (SELECT COALESCE(sum(balance), 0)::int FROM wallets WHERE user_id = ANY(${userIds}::uuid[])) AS balances,
           (SELECT COALESCE(sum(amount), 0)::int FROM payments WHERE user_id = ANY(${userIds}::uuid[])) AS payments,
           (SELECT COALESCE(sum(amount), 0)::int FROM ledger_entries WHERE kind = 'CHARGE' AND user_id = ANY(${userIds}::uuid[])) AS charges`;
  expect(money!.bad_wallets, "balance = sum(ledger) >= 0").toBe(0);
  expect(money!.balances + money!.payments, "no won created or lost").toBe(money!.charges);

  const [seats] = await db.$queryRaw<{ sold_without_ticket: number; tickets_on_unsold: number; double_sold: number; payments_mismatch: number }[]>`
    SELECT (SELECT count(*)::int FROM seats s WHERE s.schedule_id = ${scheduleId}::uuid AND s.status = 'SOLD'
              AND (SELECT count(*) FROM reservations r JOIN payments p ON p.id = r.payment_id JOIN holds h ON h.id = p.hold_id
                    WHERE r.seat_id = s.id AND h.status = 'PAID') <> 1) AS sold_without_ticket,
           (SELECT count(*)::int FROM reservations r JOIN seats s ON s.id = r.seat_id
             WHERE r.schedule_id = ${scheduleId}::uuid AND s.status <> 'SOLD') AS tickets_on_unsold,
           (SELECT count(*)::int FROM (SELECT seat_id FROM reservations WHERE schedule_id = ${scheduleId}::uuid
                                         GROUP BY seat_id HAVING count(*) > 1) d) AS double_sold,
           (SELECT count(*)::int FROM payments p WHERE p.amount <> (SELECT COALESCE(sum(price), 0) FROM reservations r WHERE r.payment_id = p.id)
              AND p.user_id = ANY(${userIds}::uuid[])) AS payments_mismatch`;
  expect(seats).toEqual({ sold_without_ticket: 0, tickets_on_unsold: 0, double_sold: 0, payments_mismatch: 0 });
}

/**
 * Each change wrote its events once: as many hold events as holds in each state, payments
 * and top-ups, each seat sold once, and every seat's last event says what it is now.
 */
async function checkEvents(userIds: string[], scheduleId: string) {
  const [counts] = await db.$queryRaw<Record<string, number>[]>`
    SELECT (SELECT count(*)::int FROM holds WHERE schedule_id = ${scheduleId}::uuid) AS holds,
           (SELECT count(DISTINCT payload->>'holdId')::int FROM events WHERE schedule_id = ${scheduleId}::uuid AND type = 'hold.created') AS holds_created,
           (SELECT count(*)::int FROM events WHERE schedule_id = ${scheduleId}::uuid AND type = 'hold.created') AS hold_created_events,
           (SELECT count(*)::int FROM holds WHERE schedule_id = ${scheduleId}::uuid AND status = 'RELEASED') AS released,
           (SELECT count(*)::int FROM events WHERE schedule_id = ${scheduleId}::uuid AND type = 'hold.released') AS released_events,
           (SELECT count(*)::int FROM holds WHERE schedule_id = ${scheduleId}::uuid AND status = 'EXPIRED') AS expired,
           (SELECT count(*)::int FROM events WHERE schedule_id = ${scheduleId}::uuid AND type = 'hold.expired') AS expired_events,
           (SELECT count(*)::int FROM payments p JOIN holds h ON h.id = p.hold_id WHERE h.schedule_id = ${scheduleId}::uuid) AS payments,
           (SELECT count(*)::int FROM events WHERE schedule_id = ${scheduleId}::uuid AND type = 'payment.completed') AS payment_events,
           (SELECT count(*)::int FROM ledger_entries WHERE kind = 'CHARGE' AND user_id = ANY(${userIds}::uuid[])) AS charges,
           (SELECT count(*)::int FROM events WHERE type = 'wallet.charged' AND user_id = ANY(${userIds}::uuid[])) AS charge_events,
           (SELECT count(*)::int FROM seats WHERE schedule_id = ${scheduleId}::uuid AND status = 'SOLD') AS sold,
           (SELECT count(*)::int FROM events e, jsonb_array_elements_text(e.payload->'seatIds')
             WHERE e.schedule_id = ${scheduleId}::uuid AND e.type = 'seat.sold') AS sold_in_events`;
  const c = counts!;
  expect([c.holds_created, c.hold_created_events], "hold.created once per hold").toEqual([c.holds, c.holds]);
  expect([c.released_events, c.expired_events], "hold.released and hold.expired once per hold").toEqual([c.released, c.expired]);
  expect(c.payment_events, "payment.completed once per payment").toBe(c.payments);
  expect(c.charge_events, "wallet.charged once per top-up").toBe(c.charges);
  expect(c.sold_in_events, "seat.sold once per sold seat").toBe(c.sold);

  // Replaying a seat's events (a seat's writers hold its row lock, so their order is the commit order).
  const [replay] = await db.$queryRaw<{ wrong: number }[]>`
    WITH last AS (
      SELECT DISTINCT ON (seat_id) seat_id::uuid AS seat_id, e.type, (e.payload->>'heldUntil')::timestamptz AS held_until
        FROM events e, jsonb_array_elements_text(e.payload->'seatIds') AS seat_id
       WHERE e.schedule_id = ${scheduleId}::uuid AND e.type LIKE 'seat.%'
       ORDER BY seat_id, e.id DESC)
    SELECT count(*)::int AS wrong FROM seats s LEFT JOIN last l ON l.seat_id = s.id
     WHERE s.schedule_id = ${scheduleId}::uuid AND NOT coalesce(
       CASE WHEN s.status = 'SOLD' THEN l.type = 'seat.sold'
            WHEN s.hold_id IS NOT NULL THEN l.type = 'seat.held' AND l.held_until = s.hold_expires_at
            ELSE l.type IS NULL OR l.type = 'seat.freed' END, false)`;
  expect(replay!.wrong, "each seat's last event is its state").toBe(0);
}

describe("money and seats under random interleavings", () => {
  it("keep balance = sum(ledger) >= 0, conserve money, sell each seat once with one paid ticket, and record each change once", { timeout: 180_000 }, async () => {
    const seed = Number(process.env.STAGEPASS_SEED ?? Date.now() % 1_000_000);
    console.log(`money invariants seed: ${seed}`);
    const random = prng(seed);
    const pick = <T,>(items: T[]) => items[Math.floor(random() * items.length)]!;

    const concert = await createConcert();
    const schedule = await createSchedule(concert.id, 12);
    const seatIds = schedule.seats.map((s) => s.id);
    const users = await createUsers(8);
    const holdsOf = new Map<string, string[]>(users.map((u) => [u, []]));
    let unexpected: unknown[] = [];

    const operations = {
      charge: async (user: string) => inSqlTransaction(pool(), (tx) => chargeWallet(tx, user, pick([50_000, 100_000, 150_000, 300_000]))),
      hold: async (user: string) => {
        const wanted = [...new Set([pick(seatIds), pick(seatIds), pick(seatIds)].slice(0, 1 + Math.floor(random() * 3)))];
        const hold = await createHold(user, { scheduleId: schedule.id, seatIds: wanted }, { ttlSeconds: pick([1, 2, 300]) });
        holdsOf.get(user)!.push(hold.id);
      },
      pay: async (user: string) => {
        const hold = holdsOf.get(user)!.at(-1);
        if (hold) await inSqlTransaction(pool(), (tx) => payHold(tx, user, hold));
      },
      release: async (user: string) => {
        const hold = holdsOf.get(user)!.at(-1);
        if (hold) await releaseHold(user, hold);
      },
      cron: async () => void (await releaseExpiredHolds()),
    };
    const kinds = Object.keys(operations) as (keyof typeof operations)[];

    for (let round = 0; round < 8; round++) {
      const batch = Array.from({ length: 24 }, () => ({ kind: pick(kinds), user: pick(users) }));
      await Promise.all(
        batch.map(({ kind, user }) =>
          operations[kind](user).catch((error: unknown) => {
            if (!(error instanceof DomainError)) unexpected.push(error);
          }),
        ),
      );
      expect(unexpected, `seed ${seed}`).toEqual([]);
      await checkInvariants(users, schedule.id);
      await checkEvents(users, schedule.id);
      if (round % 3 === 2) await new Promise((r) => setTimeout(r, 1_100)); // let short holds lapse
      unexpected = [];
    }
    // However the dice fell (some seeds pay nothing), end with one sure payment by a user
    // with leftovers of the mix, on a date of its own, so the checks always cover a sale.
    const buyer = users[0]!;
    const spare = await createSchedule(concert.id, 1);
    await inSqlTransaction(pool(), (tx) => chargeWallet(tx, buyer, 300_000)).catch(() => undefined); // refused only near the cap, where the balance covers it anyway
    const last = await createHold(buyer, { scheduleId: spare.id, seatIds: [spare.seats[0]!.id] });
    await inSqlTransaction(pool(), (tx) => payHold(tx, buyer, last.id));
    await checkInvariants(users, schedule.id);
    await checkInvariants(users, spare.id);
    await checkEvents(users, spare.id);
    expect(await db.payment.count({ where: { userId: { in: users } } }), `seed ${seed}`).toBeGreaterThan(0);
  });
});
