import { describe, expect, it } from "vitest";
import { createConcert, createUsers } from "@/tests/helpers";
import { queueStoreImplementations } from "@/tests/queue-stores";
import { drawOrder, newEntryId, newSeed } from "./draw-order";
import type { QueueSettings } from "./queue-store";

// The contract of the fair on-sale, on both stores: the pre-queue, its close and draw,
// arrivals after it, and places skipped as abandoned.
const implementations = queueStoreImplementations();
const settings: QueueSettings = { activeLimit: 100, admitPerTick: 3, activeTtlSeconds: 600, abandonAfterSeconds: null };
const T0 = new Date("2030-01-01T00:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(implementations)("%s queue store: pre-queue and draw", (name, make) => {
  if (!make) console.warn(`  ⚠ ${name} pre-queue contract suite SKIPPED: no Redis reachable (see the warning above).`);

  async function preQueue(count: number, overrides: Partial<QueueSettings> = {}) {
    const concert = await createConcert();
    const users = await createUsers(count);
    const store = make!();
    const lineSettings = { ...settings, ...overrides };
    const join = (user: string, when = T0) => store.enter(concert.id, user, lineSettings, when, newEntryId());
    return { store, join, concertId: concert.id, users, settings: lineSettings };
  }

  it.skipIf(!make)("keeps one pre-queue place per account, from any number of tabs and devices at once", async () => {
    const { store, join, concertId, users } = await preQueue(3);
    const first = await join(users[0]!);
    expect(first.created).toBe(true);
    expect(first.entry).toMatchObject({ number: null, status: "PRE_QUEUE", activeUntil: null });
    expect(first.entry.entryId).toEqual(expect.any(String));
    // Twenty devices of one account at once: all get that same place.
    const again = await Promise.all(Array.from({ length: 20 }, () => join(users[0]!)));
    expect(new Set(again.map((e) => e.entry.entryId))).toEqual(new Set([first.entry.entryId]));
    expect(again.every((e) => !e.created)).toBe(true);
    expect((await store.poll(concertId, users[0]!, 0, T0)).entry).toMatchObject({ status: "PRE_QUEUE", entryId: first.entry.entryId });
    // Nobody in the pre-queue has a number or is admitted.
    await join(users[1]!);
    expect(await store.counters(concertId)).toMatchObject({ serving: 0, lastNumber: 0 });
    expect(await store.census(concertId, T0)).toMatchObject({ preQueue: 2, waiting: 0, admitted: 0, active: 0 });
  });

  it.skipIf(!make)("closes the pre-queue once, numbers it in drawn order ahead of later arrivals, and admits in that order", async () => {
    const { store, join, concertId, users, settings } = await preQueue(8, { activeLimit: 3 });
    const early = users.slice(0, 5);
    const entries = new Map<string, string>();
    for (const user of early) entries.set((await join(user)).entry.entryId!, user);

    const closed = await store.closePreQueue(concertId, settings);
    expect(closed.firstNumber).toBe(1);
    expect(new Set(closed.entryIds)).toEqual(new Set(entries.keys()));
    expect(await store.closePreQueue(concertId, settings)).toEqual(closed);

    // Arrivals after the close join in arrival order behind every entry of the draw, even
    // when they ask for the pre-queue; a pre-queue entrant asking again keeps its place.
    const late = await join(users[5]!, at(1_000));
    expect(late.entry).toMatchObject({ number: 6, status: "WAITING", entryId: null });
    expect(await join(early[0]!, at(1_000))).toMatchObject({ created: false, entry: { status: "PRE_QUEUE" } });
    // Until the numbers are placed, nobody is admitted.
    expect(await store.admit(concertId, at(2_000), { force: true })).toBeNull();

    const drawn = drawOrder(newSeed(), closed.entryIds);
    await store.placeDrawn(concertId, drawn, at(3_000));
    await store.placeDrawn(concertId, drawn, at(3_000));
    for (const [i, entryId] of drawn.entries()) {
      const polled = await store.poll(concertId, entries.get(entryId)!, 0, at(3_100));
      expect(polled.entry).toMatchObject({ number: i + 1, entryId });
    }
    // The first of those polls ran the first admission step: the first three drawn are in, and shop.
    expect(await store.census(concertId, at(3_100))).toMatchObject({ preQueue: 0, waiting: 3, admitted: 0, active: 3 });
    expect(await store.counters(concertId)).toMatchObject({ serving: 3 });
    const admitted = await Promise.all(drawn.slice(0, 3).map((id, i) => store.poll(concertId, entries.get(id)!, i + 1, at(5_100))));
    expect(admitted.map((p) => p.entry?.status)).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);
    expect((await store.poll(concertId, entries.get(drawn[3]!)!, 4, at(5_100))).entry?.status).toBe("WAITING");
    expect((await store.poll(concertId, users[5]!, 6, at(5_100))).entry?.status).toBe("WAITING");
  });

  it.skipIf(!make)("leaves out who left the pre-queue before the close, and skips the number of who left after it", async () => {
    const { store, join, concertId, users, settings } = await preQueue(4);
    const entered = await Promise.all(users.map((user) => join(user)));
    expect(await store.release(concertId, users[0]!, 0)).toBe(true);
    expect(await store.release(concertId, users[0]!, 0)).toBe(false);
    const closed = await store.closePreQueue(concertId, settings);
    expect(closed.entryIds).toHaveLength(3);
    expect(closed.entryIds).not.toContain(entered[0]!.entry.entryId);
    // Leaves between the close and the placing: its number stays empty.
    expect(await store.release(concertId, users[1]!, 0)).toBe(true);
    await store.placeDrawn(concertId, drawOrder(newSeed(), closed.entryIds), at(1_000));
    // (This poll runs the line's first admission step.)
    expect((await store.poll(concertId, users[1]!, 0, at(1_000))).entry).toBeNull();
    expect(await store.census(concertId, at(2_000))).toMatchObject({ preQueue: 0, waiting: 0, admitted: 2 });
    expect(await store.counters(concertId)).toMatchObject({ serving: 3, lastNumber: 3 });
  });

  it.skipIf(!make)("gives 10,000 concurrent pre-queue entries (each account twice) one place per account, all numbered by the draw", { timeout: 300_000 }, async () => {
    const { store, join, concertId, users, settings } = await preQueue(5_000);
    const entered = await Promise.all([...users, ...users].map((user) => join(user)));
    const byUser = new Map<string, Set<string>>();
    for (const [i, e] of entered.entries()) byUser.set(users[i % users.length]!, (byUser.get(users[i % users.length]!) ?? new Set()).add(e.entry.entryId!));
    expect([...byUser.values()].filter((ids) => ids.size !== 1)).toEqual([]);
    expect(entered.filter((e) => e.created)).toHaveLength(5_000);

    const closed = await store.closePreQueue(concertId, settings);
    expect(closed.entryIds).toHaveLength(5_000);
    await store.placeDrawn(concertId, drawOrder(newSeed(), closed.entryIds), at(1_000));
    const numbers = await Promise.all(users.map(async (user) => (await store.poll(concertId, user, 0, at(1_000))).entry?.number));
    expect(new Set(numbers).size).toBe(5_000);
    expect(Math.min(...(numbers as number[]))).toBe(1);
    expect(Math.max(...(numbers as number[]))).toBe(5_000);
  });

  it.skipIf(!make)("skips a place nobody asked about for too long, and gives it back first to its holder", async () => {
    const { store, concertId, users } = await preQueue(5);
    // One slot: number 1 takes it on entering, so nobody else moves until it is given up.
    const lineSettings = { ...settings, activeLimit: 1, admitPerTick: 5, abandonAfterSeconds: 60 };
    for (const user of users) await store.enter(concertId, user, lineSettings, T0);
    // 2 goes quiet; 3, 4 and 5 ask about their places now and then.
    for (const [i, user] of users.slice(2).entries()) await store.poll(concertId, user, i + 3, at(50_000));
    await store.release(concertId, users[0]!, 1);
    expect(await store.admit(concertId, at(90_000), { force: true })).toEqual({ admitted: 1, serving: 3 });
    expect((await store.poll(concertId, users[2]!, 3, at(90_100))).entry?.status).toBe("ACTIVE");
    // 2 comes back with its token: waiting again, and let in before 4 when the slot frees.
    expect((await store.poll(concertId, users[1]!, 2, at(100_000))).entry).toMatchObject({ number: 2, status: "WAITING" });
    await store.release(concertId, users[2]!, 3);
    expect(await store.admit(concertId, at(110_000), { force: true })).toEqual({ admitted: 1, serving: 3 });
    expect((await store.poll(concertId, users[1]!, 2, at(110_100))).entry?.status).toBe("ACTIVE");
    expect((await store.poll(concertId, users[3]!, 4, at(110_100))).entry?.status).toBe("WAITING");
  });

  it.skipIf(!make)("gives an abandoned place back to its holder entering again, from any device", async () => {
    const { store, concertId, users } = await preQueue(3);
    const lineSettings = { ...settings, activeLimit: 1, admitPerTick: 5, abandonAfterSeconds: 60 };
    for (const user of users) await store.enter(concertId, user, lineSettings, T0);
    await store.poll(concertId, users[2]!, 3, at(50_000));
    await store.release(concertId, users[0]!, 1);
    // 2 went quiet: skipped, and 3 is let in.
    expect(await store.admit(concertId, at(90_000), { force: true })).toEqual({ admitted: 1, serving: 3 });
    // Entering again (no token at hand) finds place 2, waiting again, not a new number.
    const back = await store.enter(concertId, users[1]!, lineSettings, at(95_000));
    expect(back).toMatchObject({ created: false, entry: { number: 2, status: "WAITING" } });
    expect(await store.counters(concertId)).toMatchObject({ lastNumber: 3 });
  });

  it.skipIf(!make)("lets a pre-queue token leave after the draw numbered it, and places a draw only once", async () => {
    const { store, join, concertId, users, settings } = await preQueue(3);
    for (const user of users) await join(user);
    const closed = await store.closePreQueue(concertId, settings);
    const order = drawOrder(newSeed(), closed.entryIds);
    await store.placeDrawn(concertId, order, at(1_000));
    // A token from before the numbering (number 0) still leaves the numbered place.
    expect(await store.release(concertId, users[0]!, 0)).toBe(true);
    expect((await store.poll(concertId, users[0]!, 0, at(1_500))).entry).toBeNull();
    // A late second placing (a draw taken over) moves nobody: a drawn fan whose shopping
    // time ran out comes back in arrival order, and keeps that place.
    await store.admit(concertId, at(2_000), { force: true });
    const drawn = (await store.poll(concertId, users[1]!, 0, at(2_000))).entry!;
    expect(drawn.status).toBe("ACTIVE");
    const later = at(2_000 + (settings.activeTtlSeconds + 60) * 1_000);
    const again = await store.enter(concertId, users[1]!, settings, later);
    expect(again).toMatchObject({ created: true, entry: { number: 4 } });
    await store.placeDrawn(concertId, order, later);
    expect((await store.poll(concertId, users[1]!, 4, later)).entry).toMatchObject({ number: 4 });
    expect((await store.poll(concertId, users[1]!, drawn.number!, later)).entry).toBeNull();
  });

  it.skipIf(!make)("says when the line is paused, and holds the admission rate still meanwhile", async () => {
    const { store, concertId, users } = await preQueue(30);
    const lineSettings = { ...settings, activeLimit: 100, admitPerTick: 2 };
    for (const user of users) await store.enter(concertId, user, lineSettings, T0);
    for (let s = 1; s <= 5; s++) await store.admit(concertId, at(s * 1_000), { force: true });
    const before = await store.counters(concertId);
    expect(before).toMatchObject({ paused: false });
    await store.admit(concertId, at(6_000), { force: true, settings: { ...lineSettings, admitPerTick: 0 } });
    for (let s = 7; s <= 20; s++) await store.admit(concertId, at(s * 1_000), { force: true });
    const paused = await store.counters(concertId);
    expect(paused).toMatchObject({ paused: true, serving: before.serving + 0 });
    expect(paused.admitRate).toBeCloseTo(before.admitRate, 6);
  });
});
