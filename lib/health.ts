import { db } from "./db";

export interface DependencyHealth {
  status: "up" | "down";
  latencyMs: number;
}

export async function checkDatabase(): Promise<DependencyHealth> {
  const started = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "down", latencyMs: Math.round(performance.now() - started) };
  }
}
