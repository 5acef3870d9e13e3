import { Redis } from "@upstash/redis";
import { env } from "./env";

// The one Redis client (Upstash REST protocol) for every feature that uses Redis: the
// waiting room, rate limits, health. An outage must answer fast and never as data, so
// every call has one time budget, and anything but a well-formed reply is an error.

/** The whole budget of one Redis call, retries included. */
export const REDIS_TIMEOUT_MS = 800;

/** Redis could not be reached or did not answer properly: the request may be retried later (503). */
export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

export const isRedisUnavailable = (error: unknown): error is RedisUnavailableError => error instanceof RedisUnavailableError;

// Redis error replies start with an upper-case code ("ERR …", "NOSCRIPT …"); these codes
// mean the server cannot serve right now rather than that the command was wrong.
const TRANSIENT_CODES = /^(LOADING|BUSY|MASTERDOWN|READONLY|MISCONF|TRYAGAIN|CLUSTERDOWN|NOREPLICAS)\b/;
const COMMAND_ERROR = /^[A-Z]+ /;

export function createRedisClient(url: string, token: string, timeoutMs = REDIS_TIMEOUT_MS): Redis {
  const redis = new Redis({
    url,
    token,
    // Plain strings back from Redis: callers parse their own replies.
    automaticDeserialization: false,
    enableTelemetry: false,
    // A function, so each call gets a fresh deadline; the client throws when it fires
    // (a plain AbortSignal would be answered with a fake "Aborted" result).
    signal: () => AbortSignal.timeout(timeoutMs),
    // One quick retry (a stale keep-alive socket), within the same deadline.
    retry: { retries: 1, backoff: () => 20 },
  });
  redis.use(async (request, next) => {
    let response;
    try {
      response = await next(request);
    } catch (error) {
      // Command errors (a 400 with a Redis error reply, e.g. NOSCRIPT that the client
      // handles itself) pass through; anything else means Redis was not reached.
      const message = (error as Error).message ?? "";
      if ((error as Error).name === "UpstashError" && COMMAND_ERROR.test(message) && !TRANSIENT_CODES.test(message)) throw error;
      throw new RedisUnavailableError(`Redis is unavailable: ${message || String(error)}`, { cause: error });
    }
    const replies: unknown = response;
    for (const reply of Array.isArray(replies) ? replies : [replies]) checkReply(reply as UpstashReply);
    return response;
  });
  return redis;
}

type UpstashReply = { result?: unknown; error?: unknown } | undefined;

function checkReply(reply: UpstashReply) {
  if (typeof reply?.error === "string" && reply.error !== "") {
    if (TRANSIENT_CODES.test(reply.error)) throw new RedisUnavailableError(`Redis is unavailable: ${reply.error}`);
    return;
  }
  if (reply?.result === undefined) throw new RedisUnavailableError("Redis answered without a result.");
}

let client: Redis | null | undefined;

/** The app's Redis client when UPSTASH_REDIS_REST_URL is set, else null. */
export function redisClient(): Redis | null {
  if (client === undefined) {
    const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env();
    client = url && token ? createRedisClient(url, token) : null;
  }
  return client;
}
