import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createRedisClient, isRedisUnavailable } from "@/lib/redis";
import { startPrivateRedis, type PrivateRedis } from "@/tests/private-redis";
import { enforceRateLimit } from "./enforce-rate-limit";
import { RedisRateLimiter } from "./redis-rate-limiter";

const upstash = inject("upstash");

// A real Redis of the test's own, killed: what each rule does when its limiter is unreachable.
describe.skipIf(!upstash)("rate limits while the limiter's Redis is down", () => {
  let redis: PrivateRedis;
  let limiter: RedisRateLimiter;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    limiter = new RedisRateLimiter(createRedisClient(redis.url, redis.token));
    await enforceRateLimit("charges", { userKey: "warm-up", ip: "192.0.2.1" }, limiter);
    await redis.kill();
  });
  afterAll(() => redis?.close());

  it("refuses money routes at once with an unavailable error (503), never lets them through", async () => {
    for (const name of ["charges", "holds"] as const) {
      const started = performance.now();
      const error = await enforceRateLimit(name, { userKey: "u1", ip: "192.0.2.1" }, limiter).then(() => null, (e: unknown) => e);
      expect(isRedisUnavailable(error)).toBe(true);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it("lets the other routes through, and says so in the log", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(enforceRateLimit("queueEntry", { userKey: "u1", ip: "192.0.2.1" }, limiter)).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('"failedOpen":true'));
    log.mockRestore();
  });
});
