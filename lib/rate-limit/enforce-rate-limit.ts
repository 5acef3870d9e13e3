import { createHash } from "node:crypto";
import { isIP } from "node:net";
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

// Keys are hashes: bounded in size whatever a client sends, and no emails or addresses at rest.
const keyOf = (name: string, kind: string, identity: string) => `${name}:${kind}:${createHash("sha256").update(identity).digest("base64url")}`;

/** Counts the request against the action's per-user and per-IP limits; throws RATE_LIMITED past either. */
export async function enforceRateLimit(name: RateLimitName, who: { userKey?: string; ip: string }): Promise<void> {
  const rules: { perUser?: RateLimitRule; perIp: RateLimitRule } = RATE_LIMITS[name];
  const checks = [rateLimiter().hit(keyOf(name, "ip", who.ip), scaled(rules.perIp))];
  if (rules.perUser && who.userKey) checks.push(rateLimiter().hit(keyOf(name, "user", who.userKey), scaled(rules.perUser)));
  const refused = (await Promise.all(checks)).filter((r) => !r.allowed);
  if (refused.length) throw new RateLimitedError(Math.max(...refused.map((r) => r.retryAfterSeconds)));
}

/**
 * The client's address as the proxy in front of the app saw it: X-Real-IP, else the last
 * X-Forwarded-For hop (the one that proxy appended; earlier hops are the client's own
 * claims). Anything that is not an IP address counts as unknown. Without a proxy in front
 * these headers are the client's to set, so deploy behind one (Vercel, nginx, a load balancer).
 */
export function clientIp(headers: Headers): string {
  const candidates = [headers.get("x-real-ip"), headers.get("x-forwarded-for")?.split(",").at(-1)];
  return candidates.map((c) => c?.trim()).find((c): c is string => !!c && isIP(c) !== 0) ?? "unknown";
}
