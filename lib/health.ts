import { db } from "./db";
import { redisClient } from "./redis";

export interface DependencyHealth {
  status: "up" | "down";
  latencyMs: number;
}

export const checkDatabase = () => check(() => db.$queryRaw`SELECT 1`);

/** Null when no Redis is configured (the app then keeps its state in PostgreSQL). */
export async function checkRedis(): Promise<DependencyHealth | null> {
  const redis = redisClient();
  return redis && check(() => redis.ping());
}

// A dependency that does not answer within this is down, as far as anyone waiting can tell.
const PROBE_BUDGET_MS = 1_000;

async function check(probe: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([probe(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("probe timed out")), PROBE_BUDGET_MS)))]);
    return { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "down", latencyMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}
