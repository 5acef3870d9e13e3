import type { Db } from "../db";
import type { RateLimiter, RateLimitRule } from "./rate-limiter";

/** Fixed windows counted by one upsert per request. */
export class PostgresRateLimiter implements RateLimiter {
  constructor(private readonly db: Db) {}

  async hit(key: string, rule: RateLimitRule) {
    const windowMs = rule.windowSeconds * 1000;
    const now = Date.now();
    const windowStart = new Date(now - (now % windowMs));
    const windowEnd = new Date(windowStart.getTime() + windowMs);
    const [row] = await this.db.$queryRaw<{ count: number }[]>`
      INSERT INTO rate_limit_counters (key, window_start, count, expires_at)
      VALUES (${key}, ${windowStart}, 1, ${windowEnd})
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
      RETURNING count`;
    const count = row!.count;
    return {
      allowed: count <= rule.limit,
      remaining: Math.max(0, rule.limit - count),
      retryAfterSeconds: Math.max(1, Math.ceil((windowEnd.getTime() - now) / 1000)),
    };
  }
}

/** Drops counters of windows that have ended (cron). */
export async function deleteExpiredRateLimitCounters(db: Db): Promise<number> {
  return db.rateLimitCounter.deleteMany({ where: { expiresAt: { lt: new Date() } } }).then((r) => r.count);
}
