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

async function check(probe: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = performance.now();
  try {
    await probe();
    return { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "down", latencyMs: Math.round(performance.now() - started) };
  }
}
