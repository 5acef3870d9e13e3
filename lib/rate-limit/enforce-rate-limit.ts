import { createHash } from "node:crypto";
import { pool } from "../db";
import { env } from "../env";
import { DomainError } from "../errors";
import { isDatabaseUnavailable } from "../prisma-errors";
import { isRedisUnavailable, redisClient } from "../redis";
import { PostgresRateLimiter } from "./postgres-rate-limiter";
import type { RateLimiter, RateLimitRule } from "./rate-limiter";
import { RedisRateLimiter } from "./redis-rate-limiter";
import { RATE_LIMITS, type RateLimitName, type RateLimitRules } from "./rules";

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", `Too many requests. Try again in ${retryAfterSeconds} s.`);
  }
}

let limiter: RateLimiter | undefined;

function rateLimiter(): RateLimiter {
  if (!limiter) {
    const redis = redisClient();
    limiter = redis ? new RedisRateLimiter(redis) : new PostgresRateLimiter(pool());
  }
  return limiter;
}

const scaled = (rule: RateLimitRule): RateLimitRule => ({ ...rule, limit: Math.max(1, Math.round(rule.limit * env().RATE_LIMIT_MULTIPLIER)) });

// Keys are hashes: bounded in size whatever a client sends, and no emails or addresses at rest.
export const rateLimitKey = (name: RateLimitName, kind: "ip" | "user", identity: string) =>
  `${name}:${kind}:${createHash("sha256").update(identity).digest("base64url")}`;

/** Counts the request against the action's per-user and per-IP limits; throws RATE_LIMITED past either. */
export async function enforceRateLimit(
  name: RateLimitName,
  who: { userKey?: string; ip: string },
  limiter: RateLimiter = rateLimiter(),
): Promise<void> {
  const rules: RateLimitRules = RATE_LIMITS[name];
  const hits = [{ key: rateLimitKey(name, "ip", who.ip), rule: scaled(rules.perIp) }];
  if (rules.perUser && who.userKey) hits.push({ key: rateLimitKey(name, "user", who.userKey), rule: scaled(rules.perUser) });
  let results;
  try {
    results = await limiter.hitAll(hits);
  } catch (error) {
    // Only an outage of the limiter's store may let a request through, and only where the
    // rule allows; the error maps to 503 otherwise. Anything else is a bug, not an outage.
    if (rules.failClosed || !(isRedisUnavailable(error) || isDatabaseUnavailable(error))) throw error;
    console.error(JSON.stringify({ level: "error", job: "rate-limit", limit: name, failedOpen: true, message: (error as Error).message }));
    return;
  }
  const refused = results.filter((r) => !r.allowed);
  if (refused.length) throw new RateLimitedError(Math.max(...refused.map((r) => r.retryAfterSeconds)));
}
