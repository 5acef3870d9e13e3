import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { pool } from "@/lib/db";
import { createRedisClient } from "@/lib/redis";
import { PostgresRateLimiter } from "./postgres-rate-limiter";
import type { RateLimiter } from "./rate-limiter";
import { RedisRateLimiter } from "./redis-rate-limiter";

// One contract, two limiters, against the real services.
const upstash = inject("upstash");
const implementations: [string, (() => RateLimiter) | null][] = [
  ["postgres", () => new PostgresRateLimiter(pool())],
  ["redis", upstash && (() => new RedisRateLimiter(createRedisClient(upstash.url, upstash.token)))],
];

describe.each(implementations)("%s rate limiter", (name, make) => {
  if (!make) console.warn(`  ⚠ ${name} rate-limiter contract suite SKIPPED: no Redis reachable (see the warning above).`);

  it.skipIf(!make)("allows the limit, refuses the rest with a Retry-After within the window, and counts keys apart", async () => {
    const limiter = make!();
    const key = `test:${randomUUID()}`;
    const rule = { limit: 3, windowSeconds: 3600 }; // a long window: five quick hits share it
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await limiter.hit(key, rule));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(results[4]!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(results[4]!.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect((await limiter.hit(`test:${randomUUID()}`, rule)).allowed).toBe(true);
  });

  it.skipIf(!make)("counts several keys of one request apart, each under its own rule", async () => {
    const limiter = make!();
    const [a, b] = [`test:${randomUUID()}`, `test:${randomUUID()}`];
    const hits = [
      { key: a, rule: { limit: 1, windowSeconds: 3600 } },
      { key: b, rule: { limit: 2, windowSeconds: 3600 } },
    ];
    expect((await limiter.hitAll(hits)).map((r) => r.allowed)).toEqual([true, true]);
    expect((await limiter.hitAll(hits)).map((r) => r.allowed)).toEqual([false, true]);
    expect((await limiter.hitAll(hits)).map((r) => r.allowed)).toEqual([false, false]);
  });

  it.skipIf(!make)("lets exactly the limit through when 50 requests race", async () => {
    const limiter = make!();
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 50 }, () => limiter.hit(key, { limit: 7, windowSeconds: 3600 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(7);
  });

  it.skipIf(!make)("opens again in the next window", async () => {
    const limiter = make!();
    const key = `test:${randomUUID()}`;
    const rule = { limit: 1, windowSeconds: 1 };
    // Start at the beginning of a window, so both hits share it.
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 20));
    expect((await limiter.hit(key, rule)).allowed).toBe(true);
    expect((await limiter.hit(key, rule)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await limiter.hit(key, rule)).allowed).toBe(true);
  });
});
