import { describe, expect, it } from "vitest";
import { createConcert, createUsers } from "@/tests/helpers";
import { queueStoreImplementations } from "@/tests/queue-stores";
import { ADMIT_GRACE_SECONDS, ADMIT_INTERVAL_MS, type QueueSettings, type QueueStore } from "./queue-store";

/** Slots in use: the people admitted or shopping. */
const inUse = async (store: QueueStore, concertId: string, now: Date) => {
  const census = await store.census(concertId, now);
  return census.admitted + census.active;
};

// One contract, two stores: every behaviour the app relies on, against the real services.
const implementations = queueStoreImplementations();

const settings: QueueSettings = { activeLimit: 3, admitPerTick: 2, activeTtlSeconds: 60 };
const T0 = new Date("2030-01-01T00:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(implementations)("%s queue store", (name, make) => {
  if (!make) {
    console.warn(`  ⚠ ${name} queue-store contract suite SKIPPED: no Redis reachable (see the warning above).`);
  }

  async function line(count: number, overrides: Partial<QueueSettings> = {}) {
    const concert = await createConcert();
    const users = await createUsers(count);
    const store = make!();
    // Most tests only care about the place an entry got.
    const enter = async (user: string, at = T0) => {
      const { entry, created } = await store.enter(concert.id, user, { ...settings, ...overrides }, at);
      return { number: entry.number!, created };
    };
    return { store, enter, concertId: concert.id, users, settings: { ...settings, ...overrides } };
  }

  it.skipIf(!make)("hands out numbers in order and gives a returning user the same place", async () => {
    const { store, enter, concertId, users } = await line(3);
    const first = await enter(users[0]!);
    const second = await enter(users[1]!);
    const again = await enter(users[0]!);
    expect([first, second, again]).toEqual([
      { number: 1, created: true },
      { number: 2, created: true },
      { number: 1, created: false },
    ]);
    // The first arrival found an empty line and was let straight in.
    expect(await store.counters(concertId)).toMatchObject({ serving: 1, lastNumber: 2 });
  });

  it.skipIf(!make)("gives 1,000 concurrent arrivals unique, gapless numbers in arrival order", { timeout: 120_000 }, async () => {
    const { store, enter, concertId, users } = await line(1000);
    // Ten waves of 100 racing requests; each wave starts after the previous one has its
    // numbers, so every number of a wave must be above every number of the one before.
    const waves: number[][] = [];
    for (let w = 0; w < 10; w++) {
      const wave = users.slice(w * 100, (w + 1) * 100);
      const entered = await Promise.all(wave.map((user) => enter(user)));
      expect(entered.every((e) => e.created)).toBe(true);
      waves.push(entered.map((e) => e.number));
    }
    const all = waves.flat().sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    for (let w = 1; w < waves.length; w++) expect(Math.min(...waves[w]!)).toBeGreaterThan(Math.max(...waves[w - 1]!));
    expect((await store.counters(concertId)).lastNumber).toBe(1000);
  });

  it.skipIf(!make)("gives one place to a user who enters 20 times at once", async () => {
    const { store, enter, concertId, users } = await line(1);
    const entered = await Promise.all(Array.from({ length: 20 }, () => enter(users[0]!)));
    expect(new Set(entered.map((e) => e.number))).toEqual(new Set([1]));
    expect(entered.filter((e) => e.created)).toHaveLength(1);
    expect((await store.counters(concertId)).lastNumber).toBe(1);
  });

  it.skipIf(!make)("admits up to the tick size and the active limit, and activates on the next poll", async () => {
    const { store, enter, concertId, users } = await line(5);
    for (const user of users) await enter(user);
    // Entering ran the first (lazy) step: number 1 was let in and became ACTIVE at once.
    expect((await store.counters(concertId)).serving).toBe(1);
    expect(await store.admit(concertId, T0, { force: true })).toEqual({ admitted: 2, serving: 3 });
    expect(await store.admit(concertId, at(10), { force: true })).toEqual({ admitted: 0, serving: 3 });

    expect((await store.poll(concertId, users[0]!, 1, at(30))).entry).toEqual({ number: 1, status: "ACTIVE", activeUntil: at(60_000), entryId: null });
    expect((await store.poll(concertId, users[1]!, 2, at(30))).entry).toEqual({ number: 2, status: "ACTIVE", activeUntil: at(30 + 60_000), entryId: null });
    expect(await store.activeUntil(concertId, users[0]!, 1, at(31))).toEqual(at(60_000));
    expect((await store.poll(concertId, users[3]!, 4, at(40))).entry).toMatchObject({ number: 4, status: "WAITING" });
    expect(await store.activeUntil(concertId, users[3]!, 4, at(40))).toBeNull();
    expect((await inUse(store, concertId, at(40)))).toBe(3);
  });

  it.skipIf(!make)("counts who waits, who is admitted and who shops, not counting those who left", async () => {
    const { store, enter, concertId, users } = await line(6);
    for (const user of users) await enter(user);
    await store.admit(concertId, T0, { force: true });
    await store.poll(concertId, users[1]!, 2, at(5));
    await store.release(concertId, users[5]!, 6);
    // 1 and 2 shop, 3 holds an admitted slot, 4 and 5 wait (6 left).
    expect(await store.census(concertId, at(10))).toEqual({ preQueue: 0, waiting: 2, admitted: 1, active: 2 });
    // Once their times run out, nobody is in but the waiting.
    expect(await store.census(concertId, at(10 * 60_000))).toEqual({ preQueue: 0, waiting: 2, admitted: 0, active: 0 });
  });

  it.skipIf(!make)("admits nobody while paused (a step of 0), keeps every place, and moves again on resume", async () => {
    const { store, enter, concertId, users, settings: own } = await line(4);
    const paused = { ...own, admitPerTick: 0 };
    for (const user of users) await enter(user);
    expect(await store.admit(concertId, T0, { force: true, settings: paused })).toEqual({ admitted: 0, serving: 1 });
    // Unforced steps (from polls) keep the recorded pause too.
    expect((await store.poll(concertId, users[3]!, 4, at(5_000))).entry).toMatchObject({ number: 4, status: "WAITING" });
    expect(await store.admit(concertId, at(10_000), { force: false })).toMatchObject({ admitted: 0 });
    expect(await store.census(concertId, at(10_000))).toMatchObject({ waiting: 3 });
    expect(await store.admit(concertId, at(11_000), { force: true, settings: own })).toEqual({ admitted: 2, serving: 3 });
  });

  it.skipIf(!make)("keeps the newest settings it was given: an instance with older ones cannot undo a pause", async () => {
    const { store, concertId, users, settings: own } = await line(4);
    const first = { ...own, version: 1 };
    await store.enter(concertId, users[0]!, first, T0);
    expect(await store.admit(concertId, at(1), { force: true, settings: { ...own, admitPerTick: 0, version: 2 } })).toMatchObject({ admitted: 0 });
    // Entrants and a step still carrying version 1 (a cache a moment old, a late cron tick).
    for (const user of users.slice(1)) await store.enter(concertId, user, first, at(2_000));
    expect(await store.admit(concertId, at(3_000), { force: true, settings: first })).toMatchObject({ admitted: 0 });
    expect(await store.census(concertId, at(3_000))).toMatchObject({ waiting: 3 });
    // The resume is newer: it applies at once.
    expect(await store.admit(concertId, at(4_000), { force: true, settings: { ...own, version: 3 } })).toMatchObject({ admitted: 2 });
  });

  it.skipIf(!make)("frees a slot when an active user leaves or their time runs out", async () => {
    const { store, enter, concertId, users } = await line(3, { activeLimit: 1, admitPerTick: 5 });
    for (const user of users) await enter(user);
    await store.admit(concertId, T0, { force: true });
    await store.poll(concertId, users[0]!, 1, T0);
    expect(await store.release(concertId, users[0]!, 1)).toBe(true);
    expect(await store.activeUntil(concertId, users[0]!, 1, T0)).toBeNull();

    expect(await store.admit(concertId, at(1), { force: true })).toEqual({ admitted: 1, serving: 2 });
    expect((await store.poll(concertId, users[1]!, 2, at(2))).entry?.status).toBe("ACTIVE");
    // Shopping time over: the slot frees, the next person is let in, the old one reads EXPIRED.
    const later = at(2 + 60_000);
    expect(await store.admit(concertId, later, { force: true })).toEqual({ admitted: 1, serving: 3 });
    expect((await store.poll(concertId, users[1]!, 2, later)).entry?.status).toBe("EXPIRED");
  });

  it.skipIf(!make)("skips people who left the line without giving them a slot", async () => {
    const { store, enter, concertId, users } = await line(4, { activeLimit: 2, admitPerTick: 2 });
    for (const user of users) await enter(user);
    await store.release(concertId, users[0]!, 1);
    await store.release(concertId, users[1]!, 2);
    expect(await store.admit(concertId, T0, { force: true })).toEqual({ admitted: 2, serving: 4 });
    expect((await store.poll(concertId, users[2]!, 3, T0)).entry?.status).toBe("ACTIVE");
    expect((await store.poll(concertId, users[0]!, 1, T0)).entry).toBeNull();
  });

  it.skipIf(!make)("holds an admitted slot for the grace period, then gives it up", async () => {
    const { store, enter, concertId, users } = await line(2, { activeLimit: 1 });
    for (const user of users) await enter(user);
    await store.admit(concertId, T0, { force: true });
    expect(await store.admit(concertId, at(1_000), { force: true })).toEqual({ admitted: 0, serving: 1 });
    const pastGrace = at(ADMIT_GRACE_SECONDS * 1000 + 1);
    expect(await store.admit(concertId, pastGrace, { force: true })).toEqual({ admitted: 1, serving: 2 });
    expect((await store.poll(concertId, users[0]!, 1, pastGrace)).entry?.status).toBe("EXPIRED");
    // Entering again after missing one's turn means a new place at the back.
    expect(await enter(users[0]!, pastGrace)).toEqual({ number: 3, created: true });
  });

  it.skipIf(!make)("never revives a lapsed slot that was given away, however late a poll's clock", async () => {
    const { store, enter, concertId, users } = await line(3, { activeLimit: 1, admitPerTick: 1 });
    for (const user of users) await enter(user);
    // Number 1 got in on entering; end their time, so number 2 is admitted (not yet polled).
    await store.release(concertId, users[0]!, 1);
    await store.admit(concertId, at(1), { force: true });
    // Number 2 never shows up: after the grace period the slot goes to number 3.
    const late = at(ADMIT_GRACE_SECONDS * 1000 + 10);
    expect(await store.admit(concertId, late, { force: true })).toEqual({ admitted: 1, serving: 3 });
    // A poll for number 2 stamped before its grace ran out (a slow or skewed instance).
    expect((await store.poll(concertId, users[1]!, 2, at(ADMIT_GRACE_SECONDS * 1000 - 10))).entry?.status).not.toBe("ACTIVE");
    expect((await store.poll(concertId, users[2]!, 3, late)).entry?.status).toBe("ACTIVE");
    expect((await inUse(store, concertId, late))).toBe(1);
  });

  it.skipIf(!make)("does not start anyone's shopping time from a poll with an old number", async () => {
    const { store, enter, concertId, users } = await line(2, { activeLimit: 1, admitPerTick: 1 });
    await enter(users[0]!);
    await store.release(concertId, users[0]!, 1);
    expect(await enter(users[0]!, at(1))).toEqual({ number: 2, created: true });
    await store.admit(concertId, at(2), { force: true });
    expect((await store.poll(concertId, users[0]!, 1, at(3))).entry).toBeNull();
    expect(await store.activeUntil(concertId, users[0]!, 2, at(3))).toBeNull();
    expect((await store.poll(concertId, users[0]!, 2, at(4))).entry?.status).toBe("ACTIVE");
  });

  it.skipIf(!make)("keeps admitting from polls when one instance's clock ran ahead", async () => {
    const { store, enter, concertId, users } = await line(3, { activeLimit: 10, admitPerTick: 1 });
    for (const user of users) await enter(user);
    await store.admit(concertId, at(10 * 60_000), { force: true }); // a cron ten minutes fast
    await store.poll(concertId, users[2]!, 3, at(5_000));
    expect((await store.counters(concertId)).serving).toBe(3);
  });

  it.skipIf(!make)("runs lazy admission from polls at most once per interval", async () => {
    const { store, enter, concertId, users } = await line(4, { activeLimit: 10, admitPerTick: 1 });
    for (const user of users) await enter(user);
    await store.poll(concertId, users[3]!, 4, T0);
    await store.poll(concertId, users[3]!, 4, at(ADMIT_INTERVAL_MS - 1));
    expect((await store.counters(concertId)).serving).toBe(1);
    await store.poll(concertId, users[3]!, 4, at(ADMIT_INTERVAL_MS));
    expect((await store.counters(concertId)).serving).toBe(2);
    expect(await store.admit(concertId, at(ADMIT_INTERVAL_MS + 1), { force: false })).toBeNull();
  });

  it.skipIf(!make)("measures the admission rate", async () => {
    const { store, enter, concertId, users } = await line(40, { activeLimit: 100, admitPerTick: 2 });
    for (const user of users) await enter(user);
    for (let s = 0; s <= 10; s++) await store.admit(concertId, at(s * 1000), { force: true });
    const { admitRate } = await store.counters(concertId);
    expect(admitRate).toBeGreaterThan(0.5);
    expect(admitRate).toBeLessThanOrEqual(2);
  });

  it.skipIf(!make)("gives back no place on resume while the store has lost nothing", async () => {
    const { store, enter, concertId, users } = await line(2, { activeLimit: 1 });
    await enter(users[0]!);
    await enter(users[1]!);
    const later = at(10 * 60_000);
    // Number 1's time is over and number 2 still waits: neither may shop again this way.
    expect(await store.resume(concertId, users[0]!, 1, at(20 * 60_000), later)).toBe(false);
    expect(await store.resume(concertId, users[1]!, 2, at(20 * 60_000), T0)).toBe(false);
    expect(await store.activeUntil(concertId, users[0]!, 1, later)).toBeNull();
    expect(await store.activeUntil(concertId, users[1]!, 2, T0)).toBeNull();
  });

  it.skipIf(!make)("only releases the place the token names, and refuses someone else's", async () => {
    const { store, enter, concertId, users } = await line(2);
    await enter(users[0]!);
    expect(await store.release(concertId, users[0]!, 2)).toBe(false);
    expect(await store.release(concertId, users[1]!, 1)).toBe(false);
    expect(await store.release(concertId, users[0]!, 1)).toBe(true);
    expect(await store.release(concertId, users[0]!, 1)).toBe(false);
  });

  it.skipIf(!make)("never has more people shopping than the limit under racing ticks, polls and leaves", { timeout: 120_000 }, async () => {
    const limit = 5;
    const { store, enter, concertId, users } = await line(120, { activeLimit: limit, admitPerTick: 4, activeTtlSeconds: 3 });
    const numbers = (await Promise.all(users.map((user) => enter(user)))).map((e) => e.number);
    let clock = 0;
    for (let round = 0; round < 12; round++) {
      clock += 700;
      const now = at(clock);
      const results = await Promise.all([
        ...Array.from({ length: 6 }, () => store.admit(concertId, now, { force: true })),
        ...users.map((user, i) => store.poll(concertId, user, numbers[i]!, now)),
      ]);
      const polls = results.slice(6) as Awaited<ReturnType<QueueStore["poll"]>>[];
      const active = polls.filter((p) => p.entry?.status === "ACTIVE");
      expect(active.length).toBeLessThanOrEqual(limit);
      expect((await inUse(store, concertId, now))).toBeLessThanOrEqual(limit);
      // Some shoppers leave early, which must free their slots for the next ones.
      const leaving = polls
        .flatMap((p, i) => (p.entry?.status === "ACTIVE" ? [{ user: users[i]!, number: p.entry.number! }] : []))
        .slice(0, 2);
      await Promise.all(leaving.map(({ user, number }) => store.release(concertId, user, number)));
    }
    expect((await store.counters(concertId)).serving).toBeGreaterThan(limit);
  });
});
