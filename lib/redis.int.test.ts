import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createRedisClient, isRedisUnavailable, REDIS_TIMEOUT_MS } from "./redis";

// Endpoints that misbehave as a broken proxy or server would: the client must fail, fast,
// with the error the HTTP layer maps to 503, and never hand back a made-up reply.
describe("Redis client against a misbehaving endpoint", () => {
  let server: http.Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  async function endpoint(handler: http.RequestListener) {
    server = http.createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return createRedisClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, "token");
  }

  const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

  it.each([
    ["an empty error", '{"error":""}'],
    ["no result", "{}"],
    ["a pipeline entry without result", "[{}]"],
    ["a Redis that is loading", '{"error":"LOADING Redis is loading the dataset in memory"}'],
  ])("treats a reply with %s as unavailable", async (_, body) => {
    const redis = await endpoint((_, response) => response.writeHead(200, { "content-type": "application/json" }).end(body));
    expect(isRedisUnavailable(await failure(body.startsWith("[") ? redis.pipeline().get("k").exec() : redis.get("k")))).toBe(true);
  });

  it("gives up on a server that never answers within its budget", async () => {
    const redis = await endpoint(() => undefined);
    const started = performance.now();
    expect(isRedisUnavailable(await failure(redis.get("k")))).toBe(true);
    expect(performance.now() - started).toBeLessThan(REDIS_TIMEOUT_MS + 300);
  });

  it("treats a 5xx as unavailable but a Redis error reply as the command's error", async () => {
    const down = await endpoint((_, response) => response.writeHead(503).end('{"error":"Redis is unavailable: ECONNREFUSED"}'));
    expect(isRedisUnavailable(await failure(down.get("k")))).toBe(true);
    server!.close();
    const wrong = await endpoint((_, response) => response.writeHead(400).end('{"error":"WRONGTYPE Operation against a key holding the wrong kind of value"}'));
    const error = await failure(wrong.get("k"));
    expect(isRedisUnavailable(error)).toBe(false);
    expect(String(error)).toMatch(/WRONGTYPE/);
  });
});
