import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { createRedisClient } from "@/lib/redis";
import { createConcert, createSchedule, createUsers } from "@/tests/helpers";
import { startPrivateRedis, type PrivateRedis } from "@/tests/private-redis";
import { enterQueue } from "./enter-queue";
import { requireActiveQueueToken } from "./queue-guard";
import type { QueueSettings, QueueStore } from "./queue-store";
import { RedisQueueStore } from "./redis-queue-store";

/** Slots in use: the people admitted or shopping. */
const inUse = async (store: QueueStore, concertId: string, now: Date) => {
  const census = await store.census(concertId, now);
  return census.admitted + census.active;
};

const upstash = inject("upstash");

// A Redis of the test's own, restarted without persistence: everything in it is gone.
describe.skipIf(!upstash)("redis queue store after Redis restarts empty", () => {
  let redis: PrivateRedis;
  let store: RedisQueueStore;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    store = new RedisQueueStore(createRedisClient(redis.url, redis.token), db);
  });
  afterAll(() => redis?.close());

  const restartEmpty = async () => {
    await redis.kill();
    await redis.restart();
  };

  it("keeps everyone who was waiting ahead of newcomers, in their old order, even a newcomer who comes first", async () => {
    const { id: concertId } = await createConcert();
    const [a, b, c, d] = await createUsers(4);
    const settings: QueueSettings = { activeLimit: 1, admitPerTick: 1, activeTtlSeconds: 60 };
    const T0 = new Date("2030-01-01T00:00:00Z");
    const at = (ms: number) => new Date(T0.getTime() + ms);
    for (const user of [a, b, c]) await store.enter(concertId, user!, settings, T0); // 1 shops, 2 and 3 wait

    await restartEmpty();
    const t = 60_000;
    const newcomer = await store.enter(concertId, d!, settings, at(t));
    expect(newcomer.entry).toMatchObject({ status: "WAITING" });
    expect(newcomer.entry.number).toBeGreaterThan(3);
    // The old tokens poll: their holders are back in line, not EXPIRED.
    expect((await store.poll(concertId, c!, 3, at(t + 500))).entry).toMatchObject({ number: 3, status: "WAITING" });
    expect((await store.poll(concertId, b!, 2, at(t + 1_000))).entry).toMatchObject({ number: 2, status: "WAITING" });
    // Nobody moves during the recovery window, then the old places go first, in order.
    expect(await store.admit(concertId, at(t + 2_000), { force: true })).toBeNull();
    const order: string[] = [];
    let now = t + 31_000;
    for (const [user, number] of [[b, 2], [c, 3], [d, newcomer.entry.number]] as const) {
      await store.admit(concertId, at(now), { force: true });
      const polled = await Promise.all(
        ([[b, 2], [c, 3], [d, newcomer.entry.number!]] as const).map(async ([u, n]) => [u, (await store.poll(concertId, u!, n, at(now + 1))).entry?.status] as const),
      );
      order.push(...polled.filter(([, status]) => status === "ACTIVE").map(([u]) => u!));
      await store.release(concertId, user!, number!);
      now += 2_000;
    }
    expect(order.map((u) => [a, b, c, d].indexOf(u))).toEqual([1, 2, 3]);
  });

  it("lets a shopper who holds seats keep shopping (and pay) within the hold; one without must line up again", async () => {
    const { id: concertId } = await createConcert({ activeLimit: 5, admitPerTick: 5 });
    const schedule = await createSchedule(concertId, 2);
    const [holder, browser] = await createUsers(2);
    const deps = { store, clock: systemClock };
    const held = await enterQueue(holder!, concertId, deps);
    const browsing = await enterQueue(browser!, concertId, deps);
    await store.admit(concertId, new Date(), { force: true });
    for (const [user, { number }] of [[holder, held], [browser, browsing]] as const) {
      expect((await store.poll(concertId, user!, number!, new Date())).entry?.status).toBe("ACTIVE");
    }
    await db.hold.create({ data: { userId: holder!, scheduleId: schedule.id, amount: 1, expiresAt: new Date(Date.now() + 300_000) } });

    await restartEmpty();
    await expect(requireActiveQueueToken(held.token, holder!, concertId, deps)).resolves.toMatchObject({ number: held.number });
    await expect(requireActiveQueueToken(browsing.token, browser!, concertId, deps)).rejects.toMatchObject({ code: "QUEUE_NOT_ACTIVE" });
    // The resumed place counts as shopping and is released like any other (after paying).
    expect((await inUse(store, concertId, new Date()))).toBe(1);
    expect(await store.release(concertId, holder!, held.number!)).toBe(true);
  });
});
