import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { createRedisClient } from "@/lib/redis";
import { inSqlTransaction } from "@/lib/sql";
import { chargeWallet } from "@/lib/wallet/charge-wallet";
import { createUsers } from "@/tests/helpers";
import { startPrivateRedis, type PrivateRedis } from "@/tests/private-redis";
import type { DomainEvent } from "./domain-event";
import { EventHub } from "./hub";
import { sequenceAllEvents, sequenceEvents } from "./sequencer";
import { redisWakeUps } from "./wake-ups";

describe("the event hub woken through Redis pub/sub (for hosts where LISTEN is not available)", () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(async () => {
    await redis.close();
  });

  it("reads events as soon as the sequencer publishes that it numbered them", { timeout: 20_000 }, async () => {
    const client = createRedisClient(redis.url, redis.token);
    // Its own passes are a minute apart: only the Redis message can bring the event in time.
    const hub = new EventHub({ wakeUps: () => redisWakeUps(client), passMs: 60_000, lingerMs: 0 });
    const [fan] = await createUsers(1);
    const received: DomainEvent[] = [];
    const subscription = await hub.subscribe({ userId: fan! }, await sequenceAllEvents(), (events) => received.push(...events));
    try {
      await new Promise((resolve) => setTimeout(resolve, 500)); // the subscription's stream opens
      await inSqlTransaction(pool(), (tx) => chargeWallet(tx, fan!, 5_000));
      const started = Date.now();
      await sequenceEvents(client);
      await expect.poll(() => received.length, { timeout: 5_000, interval: 20 }).toBe(1);
      expect(received[0]).toMatchObject({ type: "wallet.charged", payload: { amount: 5_000 } });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      subscription!.close();
    }
  });
});
