// A small server speaking the Upstash Redis REST protocol in front of a plain
// redis-server, so the app's @upstash/redis client can run against a self-hosted or
// local Redis (development, tests, benchmarks). It is a dev/test tool, not for production.
//
//   npm run redis:rest -- --redis redis://127.0.0.1:6379 --port 8079 --token <secret>
//
// Then set UPSTASH_REDIS_REST_URL=http://127.0.0.1:8079 and UPSTASH_REDIS_REST_TOKEN=<secret>.
//
// Protocol: POST / with a JSON command array → {"result": …}; POST /subscribe/{channel} →
// a stream of the channel's messages (server-sent events); POST /pipeline and
// POST /multi-exec with an array of command arrays → [{"result": …} | {"error": …}, …]
// (multi-exec runs them in one MULTI/EXEC); a Redis error reply of a single command → 400
// {"error": …}; a missing or wrong Bearer token → 401; Redis unreachable or too slow →
// 503 {"error": …} at once (commands are never queued while Redis is down). With `Upstash-Encoding: base64`
// every string in a result except the status "OK" is base64-encoded, as the client expects.
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createClient, ErrorReply } from "redis";

type Command = (string | number)[];

/** How long one request may wait for Redis before answering 503. */
const REDIS_WAIT_MS = 500;

// RESP2 replies (flat arrays, no maps) are what the REST protocol returns. While Redis is
// down, commands fail at once (no offline queue) and reconnection keeps trying.
const connect = (url: string) =>
  createClient({
    url,
    RESP: 2,
    disableOfflineQueue: true,
    commandOptions: { timeout: REDIS_WAIT_MS },
    socket: { connectTimeout: REDIS_WAIT_MS, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 1_000) },
  });
type RedisClientType = ReturnType<typeof connect>;
type Reply = string | number | null | Reply[] | { error: string };

export interface UpstashRestServer {
  url: string;
  /** HTTP requests answered so far (a pipeline is one): the app's round trips to Redis. */
  requests: () => number;
  close(): Promise<void>;
}

export async function startUpstashRestServer(options: { redisUrl: string; token: string; port?: number; host?: string }): Promise<UpstashRestServer> {
  const redis = connect(options.redisUrl);
  redis.on("error", (error) => console.error("[upstash-rest] redis:", error.message));
  await redis.connect();

  let requests = 0;
  const server = http.createServer((request, response) => {
    requests++;
    if (request.url?.startsWith("/subscribe/")) return void subscribe(redis, options.token, request, response);
    handle(redis, options.token, request)
      .then(({ status, body }) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      })
      .catch((error: Error) => {
        // Not a Redis error reply: Redis was not reached (or answered too late).
        response.writeHead(503, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: `Redis is unavailable: ${describe(error)}` }));
      });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    requests: () => requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Not QUIT: it would wait for a Redis that may be down.
      redis.destroy();
    },
  };
}

async function handle(redis: RedisClientType, token: string, request: http.IncomingMessage): Promise<{ status: number; body: unknown }> {
  if (!authorized(request.headers.authorization, token)) return { status: 401, body: { error: "Unauthorized" } };
  const base64 = String(request.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  const body = await readJson(request);

  if (path === "/pipeline" || path === "/multi-exec") {
    if (!isCommandList(body)) return { status: 400, body: { error: "ERR the body must be an array of command arrays" } };
    const replies = path === "/multi-exec" ? await transaction(redis, body) : await Promise.all(body.map((c) => run(redis, c)));
    return { status: 200, body: replies.map((reply) => (isError(reply) ? reply : { result: encode(reply, base64) })) };
  }

  // Either POST / with a JSON array, or the path form /set/key/value.
  const command = path === "/" ? body : path.slice(1).split("/").map(decodeURIComponent);
  if (!isCommand(command)) return { status: 400, body: { error: "ERR the body must be a command array" } };
  const reply = await run(redis, command);
  return isError(reply) ? { status: 400, body: reply } : { status: 200, body: { result: encode(reply, base64) } };
}

/**
 * POST /subscribe/{channel}, as Upstash serves it: a text/event-stream of
 * `data: subscribe,{channel},1` and then `data: message,{channel},{message}` lines, on a
 * Redis connection of its own, until the client goes (or Redis does: the stream ends).
 */
async function subscribe(redis: RedisClientType, token: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  if (!authorized(request.headers.authorization, token)) {
    response.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: "Unauthorized" }));
    return;
  }
  request.resume(); // the body (an empty command) is not needed
  const channel = decodeURIComponent(request.url!.slice("/subscribe/".length));
  const subscriber = redis.duplicate();
  const end = () => {
    subscriber.destroy();
    response.end();
  };
  subscriber.on("error", end);
  try {
    await subscriber.connect();
    await subscriber.subscribe(channel, (message) => response.write(`data: message,${channel},${message}\n\n`));
  } catch (error) {
    subscriber.destroy();
    response.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ error: `Redis is unavailable: ${describe(error as Error)}` }));
    return;
  }
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  response.write(`data: subscribe,${channel},1\n\n`);
  response.on("close", end);
}

// A Redis error reply is the command's answer; any other failure is thrown (→ 503).
async function run(redis: RedisClientType, command: Command): Promise<Reply> {
  try {
    return normalise(await redis.sendCommand(adaptScript(command.map(String))));
  } catch (error) {
    if (error instanceof ErrorReply) return { error: error.message };
    throw error;
  }
}

// Some failures carry no message (a refused connection tried on several addresses is an
// AggregateError with an empty one); an empty error would read as success.
function describe(error: Error): string {
  const code = (error as { code?: string }).code;
  return [error.name, error.message, code].filter(Boolean).join(": ") || "unknown error";
}

// Upstash accepts a Lua shebang flag open-source Redis does not know (allow-key-locking,
// used by @upstash/ratelimit). Such scripts run without it; their EVALSHA digests are
// mapped to the adapted script's, so clients keep their one-round-trip EVALSHA path.
const UPSTASH_ONLY_FLAGS = /(?<=^#!lua[^\n]*flags=[^\n]*)(,?)\ballow-key-locking\b(,?)/;
const adaptedDigests = new Map<string, string>();

function adaptScript(command: string[]): string[] {
  const [name, body, ...rest] = command;
  const verb = name?.toUpperCase();
  if ((verb === "EVAL" || verb === "EVAL_RO") && body && UPSTASH_ONLY_FLAGS.test(body)) {
    // Keep one comma only when the flag stood between two others.
    const adapted = body.replace(UPSTASH_ONLY_FLAGS, (_, before: string, after: string) => (before && after ? "," : "")).replace(/flags=(?=\s|$)/m, "");
    adaptedDigests.set(sha1(body), sha1(adapted));
    return [name!, adapted, ...rest];
  }
  if ((verb === "EVALSHA" || verb === "EVALSHA_RO") && body && adaptedDigests.has(body)) return [name!, adaptedDigests.get(body)!, ...rest];
  return command;
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

async function transaction(redis: RedisClientType, commands: Command[]): Promise<Reply[]> {
  const multi = redis.multi();
  for (const command of commands) multi.addCommand(adaptScript(command.map(String)));
  try {
    return ((await multi.exec()) as unknown[]).map(normalise);
  } catch (error) {
    const failed = error as { replies?: unknown[] };
    // EXECABORT (a command refused while queuing) is a reply; a lost connection is not.
    if (!failed.replies) {
      if (error instanceof ErrorReply) return commands.map(() => ({ error: error.message }));
      throw error;
    }
    return failed.replies.map((reply) => (reply instanceof Error ? { error: reply.message } : normalise(reply)));
  }
}

function normalise(reply: unknown): Reply {
  if (reply === null || reply === undefined) return null;
  if (Array.isArray(reply)) return reply.map(normalise);
  if (typeof reply === "number" || typeof reply === "string") return reply;
  if (Buffer.isBuffer(reply)) return reply.toString("utf8");
  return String(reply);
}

function encode(reply: Reply, base64: boolean): Reply {
  if (!base64) return reply;
  if (Array.isArray(reply)) return reply.map((r) => encode(r, base64));
  if (typeof reply === "string") return reply === "OK" ? reply : Buffer.from(reply, "utf8").toString("base64");
  return reply;
}

function authorized(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith("Bearer ") ? header.slice(7) : "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const isError = (reply: Reply): reply is { error: string } => typeof reply === "object" && reply !== null && !Array.isArray(reply);
const isCommand = (value: unknown): value is Command =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" || typeof v === "number");
const isCommandList = (value: unknown): value is Command[] => Array.isArray(value) && value.every(isCommand);

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return null;
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return null;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
  const has = (name: string) => process.argv.includes(`--${name}`);
  const token = has("token") ? arg("token") : process.env.UPSTASH_REDIS_REST_TOKEN;
  if (!token) {
    console.error("Pass --token <secret> (or set UPSTASH_REDIS_REST_TOKEN).");
    process.exit(2);
  }
  const server = await startUpstashRestServer({
    redisUrl: (has("redis") && arg("redis")) || process.env.REDIS_URL || "redis://127.0.0.1:6379",
    token,
    port: has("port") ? Number(arg("port")) : 8079,
    host: (has("host") && arg("host")) || "127.0.0.1",
  });
  console.log(`Upstash REST protocol on ${server.url} → Redis. Ctrl-C to stop.`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void server.close().then(() => process.exit(0)));
}
