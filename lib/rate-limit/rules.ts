import type { RateLimitRule } from "./rate-limiter";

/**
 * Limits per action, per signed-in user and per client IP. RATE_LIMIT_MULTIPLIER scales
 * every limit (e.g. for load tests from one machine). When the limiter's store is
 * unreachable, `failClosed` actions refuse the request (503): money moves only under its
 * limits. The others let it through (logged), so a Redis blip locks nobody out.
 */
export const RATE_LIMITS = {
  signUp: { perIp: { limit: 20, windowSeconds: 3600 } },
  /** perUser counts one account from one address. */
  signIn: { perUser: { limit: 10, windowSeconds: 300 }, perIp: { limit: 60, windowSeconds: 300 } },
  queueEntry: { perUser: { limit: 30, windowSeconds: 60 }, perIp: { limit: 600, windowSeconds: 60 } },
  holds: { perUser: { limit: 30, windowSeconds: 60 }, perIp: { limit: 600, windowSeconds: 60 }, failClosed: true },
  /** Registering or changing a webhook endpoint, test messages and redeliveries: each makes the server look up or call someone's host. */
  webhookCalls: { perUser: { limit: 20, windowSeconds: 60 }, perIp: { limit: 120, windowSeconds: 60 } },
  charges: { perUser: { limit: 20, windowSeconds: 60 }, perIp: { limit: 300, windowSeconds: 60 }, failClosed: true },
} satisfies Record<string, RateLimitRules>;

export interface RateLimitRules {
  perUser?: RateLimitRule;
  perIp: RateLimitRule;
  failClosed?: boolean;
}

export type RateLimitName = keyof typeof RATE_LIMITS;
