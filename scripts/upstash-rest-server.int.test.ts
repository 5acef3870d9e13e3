import { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createRedisClient, isRedisUnavailable } from "@/lib/redis";
import { startPrivateRedis, type PrivateRedis } from "@/tests/private-redis";

const upstash = inject("upstash");
if (!upstash) console.warn("  ⚠ Upstash REST server suite SKIPPED: no Redis reachable (see the warning above).");

// The official client against our server: the client's own expectations are the spec.
describe.skipIf(!upstash)("Upstash REST protocol server", () => {
  // The client's defaults (base64 replies, JSON deserialization), as any user would have them.
  const client = () => new Redis({ url: upstash!.url, token: upstash!.token, enableTelemetry: false });
  const key = (name: string) => `rest-test:${crypto.randomUUID()}:${name}`;

  it("runs single commands with base64-encoded replies, unicode included", async () => {
    const redis = client();
    const k = key("greeting");
    expect(await redis.set(k, "안녕, Stagepass ✓")).toBe("OK");
    expect(await redis.get(k)).toBe("안녕, Stagepass ✓");
    expect(await redis.incr(key("n"))).toBe(1);
    expect(await redis.get(key("missing"))).toBeNull();
    await redis.hset(k + ":h", { a: "1", b: "two" });
    expect(await redis.hgetall(k + ":h")).toEqual({ a: 1, b: "two" });
  });

  it("runs pipelines, and MULTI/EXEC atomically", async () => {
    const redis = client();
    const k = key("counter");
    const piped = await redis.pipeline().incr(k).incr(k).get(k).exec();
    expect(piped).toEqual([1, 2, 2]);
    const multi = await redis.multi().incrby(k, 10).decr(k).exec();
    expect(multi).toEqual([12, 11]);
  });

  it("evaluates Lua scripts through EVALSHA with the EVAL fallback", async () => {
    const redis = client();
    const script = redis.createScript<[number, string]>(`return {tonumber(ARGV[1]) + 1, KEYS[1]}`);
    const k = key("script");
    expect(await script.exec([k], ["41"])).toEqual([42, k]);
    expect(await script.exec([k], ["1"])).toEqual([2, k]);
  });

  it("runs scripts with Upstash's allow-key-locking flag, by EVAL and then by EVALSHA", async () => {
    const redis = client();
    const script = redis.createScript<number>("#!lua flags=allow-key-locking\nreturn redis.call('INCR', KEYS[1])");
    const k = key("locking");
    expect(await script.exec([k], [])).toBe(1);
    expect(await script.evalsha([k], [])).toBe(2);
    const withOthers = redis.createScript<number>("#!lua flags=no-cluster,allow-key-locking,allow-stale\nreturn 7");
    expect(await withOthers.exec([], [])).toBe(7);
  });

  it("reports command errors as Redis does", async () => {
    const redis = client();
    const k = key("text");
    await redis.set(k, "not a number");
    await expect(redis.incr(k)).rejects.toThrow(/ERR value is not an integer/);
  });

  it("refuses a wrong token and malformed bodies", async () => {
    const wrong = await fetch(upstash!.url, { method: "POST", headers: { authorization: "Bearer nope" }, body: '["PING"]' });
    expect(wrong.status).toBe(401);
    const malformed = await fetch(upstash!.url, { method: "POST", headers: { authorization: `Bearer ${upstash!.token}` }, body: "{" });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: "ERR the body must be a command array" });
  });

  it("accepts the path form used by curl", async () => {
    const headers = { authorization: `Bearer ${upstash!.token}` };
    const k = key("path");
    expect(await (await fetch(`${upstash!.url}/set/${encodeURIComponent(k)}/hello`, { method: "POST", headers })).json()).toEqual({ result: "OK" });
    expect(await (await fetch(`${upstash!.url}/get/${encodeURIComponent(k)}`, { headers })).json()).toEqual({ result: "hello" });
  });
});

// Its own redis-server, killed and restarted by the test (never the shared one).
describe.skipIf(!upstash)("Upstash REST protocol server while Redis is down", () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(() => redis?.close());

  const post = (path: string, body: unknown) =>
    fetch(`${redis.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${redis.token}` }, body: JSON.stringify(body) });

  it("answers 503 with a message at once, for commands, pipelines and transactions, then recovers", async () => {
    expect(await (await post("/", ["PING"])).json()).toEqual({ result: "PONG" });
    await redis.kill();
    for (const [path, body] of [["/", ["PING"]], ["/pipeline", [["PING"], ["GET", "k"]]], ["/multi-exec", [["INCR", "k"]]]] as const) {
      const started = performance.now();
      const response = await post(path, body);
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(response.status).toBe(503);
      expect((await response.json()).error).toMatch(/^Redis is unavailable: \S/);
    }
    await redis.restart();
    await expect.poll(async () => (await post("/", ["PING"])).status, { timeout: 10_000 }).toBe(200);
  });

  it("still answers a Redis error reply as the command's error (400)", async () => {
    const response = await post("/", ["INCRBY", "k", "not-a-number"]);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/^ERR /);
  });

  it("makes the app's client fail fast with RedisUnavailableError, never a result", async () => {
    const client = createRedisClient(redis.url, redis.token);
    expect(await client.ping()).toBe("PONG");
    await redis.kill();
    const started = performance.now();
    const error = await client.get("k").catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(isRedisUnavailable(error)).toBe(true);
    await redis.restart();
  });
});
