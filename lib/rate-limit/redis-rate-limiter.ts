import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import type { RateLimitHit, RateLimiter, RateLimitRule } from "./rate-limiter";

/** @upstash/ratelimit's fixed windows; one limiter per rule, created once. */
export class RedisRateLimiter implements RateLimiter {
  private readonly limiters = new Map<string, Ratelimit>();

  constructor(private readonly redis: Redis) {}

  /** One call per key, at once: the library counts one key per script. */
  hitAll(hits: RateLimitHit[]) {
    return Promise.all(hits.map(({ key, rule }) => this.hit(key, rule)));
  }

  async hit(key: string, rule: RateLimitRule) {
    const id = `${rule.limit}/${rule.windowSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      // No in-process cache of blocked keys: every instance must agree, so Redis decides.
      // No timeout of its own either: it would answer "allowed" after it; the client's
      // budget makes a slow Redis an error, and the rule decides whether to fail open.
      limiter = new Ratelimit({
        redis: this.redis,
        limiter: Ratelimit.fixedWindow(rule.limit, `${rule.windowSeconds} s`),
        prefix: "ratelimit",
        ephemeralCache: false,
        timeout: 0,
      });
      this.limiters.set(id, limiter);
    }
    const result = await limiter.limit(key);
    return {
      allowed: result.success,
      remaining: result.remaining,
      retryAfterSeconds: Math.max(1, Math.ceil((result.reset - Date.now()) / 1000)),
    };
  }
}
