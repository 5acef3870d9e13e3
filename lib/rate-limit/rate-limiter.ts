// Rate limits behind one interface: Redis through @upstash/ratelimit when Redis is
// configured, an equivalent Postgres counter otherwise. Both pass one contract suite
// (rate-limiter.int.test.ts) and count in fixed windows.

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
}

export interface RateLimitHit {
  key: string;
  rule: RateLimitRule;
}

export interface RateLimiter {
  /** Counts one request for `key` under `rule`. */
  hit(key: string, rule: RateLimitRule): Promise<RateLimitResult>;
  /** Counts one request for each of several distinct keys (one action's per-user and per-IP limits), in order. */
  hitAll(hits: RateLimitHit[]): Promise<RateLimitResult[]>;
}
