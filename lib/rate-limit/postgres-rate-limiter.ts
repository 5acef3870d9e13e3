import type { Db } from "../db";
import { queryRows, sql, type Queryable } from "../sql";
import type { RateLimitHit, RateLimiter, RateLimitResult, RateLimitRule } from "./rate-limiter";

/** Fixed windows, every key of a request counted by one upsert: one round trip per request. */
export class PostgresRateLimiter implements RateLimiter {
  constructor(private readonly db: Queryable) {}

  async hit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
    const [result] = await this.hitAll([{ key, rule }]);
    return result!;
  }

  async hitAll(hits: RateLimitHit[]): Promise<RateLimitResult[]> {
    const now = Date.now();
    const windows = hits.map(({ rule }) => {
      const windowMs = rule.windowSeconds * 1000;
      const start = now - (now % windowMs);
      return { start: new Date(start), end: new Date(start + windowMs) };
    });
    const rows = await queryRows<{ key: string; count: number }>(
      this.db,
      sql`
        INSERT INTO rate_limit_counters (key, window_start, count, expires_at)
        SELECT key, window_start, 1, expires_at
          FROM unnest(${hits.map((h) => h.key)}::text[], ${windows.map((w) => w.start)}::timestamptz[], ${windows.map((w) => w.end)}::timestamptz[])
               AS h(key, window_start, expires_at)
         ORDER BY key
        ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
        RETURNING key, count`,
    );
    const counts = new Map(rows.map((row) => [row.key, row.count]));
    return hits.map(({ key, rule }, i) => {
      const count = counts.get(key)!;
      return {
        allowed: count <= rule.limit,
        remaining: Math.max(0, rule.limit - count),
        retryAfterSeconds: Math.max(1, Math.ceil((windows[i]!.end.getTime() - now) / 1000)),
      };
    });
  }
}

/** Drops counters of windows that have ended (cron). */
export async function deleteExpiredRateLimitCounters(db: Db): Promise<number> {
  return db.rateLimitCounter.deleteMany({ where: { expiresAt: { lt: new Date() } } }).then((r) => r.count);
}
