import { existsSync } from "node:fs";
import { createPool, createPrismaClient } from "../../lib/db";
import { createDatabase, dropDatabase } from "../db/admin";
import { prepareDatabase } from "../db/prepare";
import { openDatabaseServer } from "../db/server";
import { randomSecret } from "./fixtures";
import type { AppServer } from "./app-server";
import { httpClient, runLoad, type HttpClient } from "./load";

export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
export const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;

/**
 * What every benchmark starts from: a production build, a fresh seeded database (on
 * DATABASE_URL's server or the embedded one) and throwaway secrets. `close` drops it all.
 */
export async function openBench() {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("No production build: run `npm run build` first.");
    process.exit(2);
  }
  const server = await openDatabaseServer("test");
  const name = `stagepass_bench_${process.pid}`;
  const databaseUrl = await createDatabase(server.url, name);
  await prepareDatabase(databaseUrl);
  const db = createPrismaClient(databaseUrl);
  const pool = createPool(databaseUrl);
  const secrets = { AUTH_SECRET: randomSecret(), QUEUE_TOKEN_SECRET: randomSecret(), CRON_SECRET: randomSecret() };
  return {
    db,
    pool,
    databaseUrl,
    secrets,
    close: async () => {
      await db.$disconnect();
      await pool.end();
      await dropDatabase(server.url, name);
      await server.stop();
    },
  };
}

/** A client for the app server, with as many connections as the load has workers. */
export const clientFor = (app: AppServer): HttpClient => httpClient(app.url, CONCURRENCY);

/** Warms the server up, then measures the trivial route: the floor every figure is compared with. */
export async function measureTrivialRoute(app: AppServer, client: HttpClient) {
  const send = () => client.send({ path: "/api/v1/health/live" });
  return runLoad({ concurrency: CONCURRENCY, durationMs: DURATION_MS, warmup: 1000, send, meters: app.meters });
}
