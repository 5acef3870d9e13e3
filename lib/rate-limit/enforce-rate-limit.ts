import { db } from "../db";
import { env } from "../env";
import { DomainError } from "../errors";
import { createUpstashClient } from "../queue/store";
import { PostgresRateLimiter } from "./postgres-rate-limiter";
import type { RateLimiter, RateLimitRule } from "./rate-limiter";
import { RedisRateLimiter } from "./redis-rate-limiter";
import { RATE_LIMITS, type RateLimitName } from "./rules";

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", `Too many requests. Try again in ${retryAfterSeconds} s.`);
  }
}

let limiter: RateLimiter | undefined;

function rateLimiter(): RateLimiter {
  if (!limiter) {
    const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env();
    limiter = url && token ? new RedisRateLimiter(createUpstashClient(url, token)) : new PostgresRateLimiter(db);
  }
  return limiter;
}

const scaled = (rule: RateLimitRule): RateLimitRule => ({ ...rule, limit: Math.max(1, Math.round(rule.limit * env().RATE_LIMIT_MULTIPLIER)) });

/** Counts the request against the action's per-user and per-IP limits; throws RATE_LIMITED past either. */
export async function enforceRateLimit(name: RateLimitName, who: { userKey?: string; ip: string }): Promise<void> {
  const rules: { perUser?: RateLimitRule; perIp: RateLimitRule } = RATE_LIMITS[name];
  const checks = [rateLimiter().hit(`${name}:ip:${who.ip}`, scaled(rules.perIp))];
  if (rules.perUser && who.userKey) checks.push(rateLimiter().hit(`${name}:user:${who.userKey}`, scaled(rules.perUser)));
  const refused = (await Promise.all(checks)).filter((r) => !r.allowed);
  if (refused.length) throw new RateLimitedError(Math.max(...refused.map((r) => r.retryAfterSeconds)));
}

/** The client's address: the first X-Forwarded-For hop (set by the platform's proxy), else unknown. */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
