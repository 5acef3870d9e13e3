import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { UpstashRestServer } from "../upstash-rest-server";
import { countPostgresRoundTrips } from "./pg-round-trips";
import { processTreeCpuMs } from "./process-cpu";
import { SERVE_ARGS } from "../serve-args";

export interface AppMeters {
  /** The server's CPU time (ms) and its round trips to PostgreSQL and Redis, so far. */
  read(): { cpuMs: number; dbRoundTrips: number; redisCalls: number };
}

export interface AppServer {
  url: string;
  /** The server process (its memory can be read from /proc). */
  pid: number;
  meters: AppMeters;
  stop(): Promise<void>;
}

/**
 * Starts the production build (`npm start`) on `databaseUrl` (through a round-trip counter)
 * and, when given, the Upstash REST server; waits until it answers.
 */
export async function startAppServer(
  port: number,
  options: { databaseUrl: string; secrets: Record<string, string>; redis?: { server: UpstashRestServer; token: string } },
): Promise<AppServer> {
  const database = await countPostgresRoundTrips(options.databaseUrl);
  const redisEnv = options.redis ? { UPSTASH_REDIS_REST_URL: options.redis.server.url, UPSTASH_REDIS_REST_TOKEN: options.redis.token } : {};
  const url = `http://127.0.0.1:${port}`;
  // BENCH_PROFILE_DIR=<dir>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, "--import", "tsx", ...SERVE_ARGS], {
    // The load comes from one address: lift the per-IP limits out of the way.
    env: {
      ...process.env,
      RATE_LIMIT_MULTIPLIER: "1000",
      ...options.secrets,
      ...redisEnv,
      DATABASE_URL: database.url,
      NEXTAUTH_URL: url,
      NODE_ENV: "production",
      PORT: String(port),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    }
    await database.close();
  };
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${url}/api/v1/health/live`).then((r) => r.ok, () => false);
    if (ok) {
      const redisCalls = options.redis?.server.requests ?? (() => 0);
      return {
        url,
        pid: child.pid!,
        meters: { read: () => ({ cpuMs: processTreeCpuMs(child.pid!), dbRoundTrips: database.count(), redisCalls: redisCalls() }) },
        stop,
      };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  await database.close();
  throw new Error(child.exitCode !== null ? `the app server exited with ${child.exitCode}` : "the app server did not answer within 30 s");
}
