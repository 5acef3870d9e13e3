import { describe, expect, it } from "vitest";
import { InvalidEnvError, parseEnv } from "./env";

const DATABASE_URL = "postgresql://app@localhost:5432/stagepass";
const strong = "x".repeat(32);

describe("parseEnv", () => {
  it("fills development secrets and documented defaults outside production", () => {
    const env = parseEnv({ NODE_ENV: "development", DATABASE_URL });
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.AUTH_SECRET).not.toBe(env.QUEUE_TOKEN_SECRET);
    expect(env.HOLD_TTL_SECONDS).toBe(300);
    expect(env.RATE_LIMIT_MULTIPLIER).toBe(1);
    expect(env.TRUSTED_PROXY).toBeUndefined();
    expect(env.DATABASE_STATEMENT_TIMEOUT_MS).toBe(10_000);
  });

  it("trusts proxy headers only as configured: vercel, or 1–10 hops", () => {
    expect(parseEnv({ DATABASE_URL, TRUSTED_PROXY: "vercel" }).TRUSTED_PROXY).toBe("vercel");
    expect(parseEnv({ DATABASE_URL, TRUSTED_PROXY: "2" }).TRUSTED_PROXY).toBe(2);
    for (const bad of ["0", "11", "yes", "1.5"]) expect(() => parseEnv({ DATABASE_URL, TRUSTED_PROXY: bad })).toThrow(/TRUSTED_PROXY/);
  });

  it("refuses to start in production without secrets, naming each one", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL })).toThrow(InvalidEnvError);
    try {
      parseEnv({ NODE_ENV: "production", DATABASE_URL });
    } catch (error) {
      const message = (error as Error).message;
      for (const key of ["AUTH_SECRET", "QUEUE_TOKEN_SECRET", "CRON_SECRET"]) expect(message).toContain(key);
    }
  });

  it("accepts production with strong secrets and coerces numbers", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL,
      AUTH_SECRET: strong,
      QUEUE_TOKEN_SECRET: strong,
      CRON_SECRET: strong,
      HOLD_TTL_SECONDS: "2",
    });
    expect(env.HOLD_TTL_SECONDS).toBe(2);
  });

  it("rejects short secrets and a missing database URL, listing both", () => {
    const attempt = () => parseEnv({ NODE_ENV: "production", AUTH_SECRET: "short", QUEUE_TOKEN_SECRET: strong, CRON_SECRET: strong });
    expect(attempt).toThrow(/AUTH_SECRET must be at least 32 characters/);
    expect(attempt).toThrow(/DATABASE_URL is not set/);
  });

  it("requires the Redis token with the Redis URL", () => {
    expect(() => parseEnv({ DATABASE_URL, UPSTASH_REDIS_REST_URL: "http://127.0.0.1:8079" })).toThrow(
      /UPSTASH_REDIS_REST_TOKEN is required/,
    );
    expect(parseEnv({ DATABASE_URL, UPSTASH_REDIS_REST_URL: "http://127.0.0.1:8079", UPSTASH_REDIS_REST_TOKEN: "t" }).UPSTASH_REDIS_REST_TOKEN).toBe("t");
  });

  it("treats empty strings as unset and rejects non-positive numbers", () => {
    expect(parseEnv({ DATABASE_URL, HOLD_TTL_SECONDS: "" }).HOLD_TTL_SECONDS).toBe(300);
    expect(() => parseEnv({ DATABASE_URL, QUEUE_ACTIVE_LIMIT: "0" })).toThrow(/QUEUE_ACTIVE_LIMIT/);
  });
});
