import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { call } from "@/tests/helpers";
import { startPrivateRedis, type PrivateRedis } from "@/tests/private-redis";
import { GET } from "./route";

const upstash = inject("upstash");

// Health with Redis configured: a Redis of the test's own, killed and restarted.
describe.skipIf(!upstash)("GET /api/v1/health with Redis", () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    // Read once by env() on first use, which is after this in this file's module graph.
    process.env.UPSTASH_REDIS_REST_URL = redis.url;
    process.env.UPSTASH_REDIS_REST_TOKEN = redis.token;
  });
  afterAll(async () => {
    delete process.env.UPSTASH_REDIS_REST_URL;
    delete process.env.UPSTASH_REDIS_REST_TOKEN;
    await redis?.close();
  });

  it("reports Redis up, then down with 503 within a second, then up again", async () => {
    const up = await call(GET);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: "ok", database: { status: "up" }, redis: { status: "up" } });

    await redis.kill();
    const started = performance.now();
    const down = await call(GET);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: "degraded", database: { status: "up" }, redis: { status: "down" } });

    await redis.restart();
    await expect.poll(async () => (await call(GET)).status, { timeout: 10_000 }).toBe(200);
  });
});
