// npm run bench:queue — waiting-room throughput against the production build, for both
// queue stores, each beside the trivial-route ceiling measured in the same run.
// Needs `npm run build` first; uses DATABASE_URL's server (or the embedded one) and the
// Redis at REDIS_URL (default redis://127.0.0.1:6379) through the Upstash REST server.
import os from "node:os";
import { startUpstashRestServer } from "../upstash-rest-server";
import { startAppServer } from "./app-server";
import { CONCURRENCY, DURATION_MS, measureCeiling, openBench } from "./bench-setup";
import { createBenchConcert, createSessionUsers, randomSecret } from "./fixtures";
import { cpuColumn, runLoad, type LoadResult } from "./load";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 3000);

const { db, databaseUrl, secrets, close } = await openBench();
const restToken = randomSecret();
const upstash = await startUpstashRestServer({ redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", token: restToken });

const stores: Record<string, Record<string, string>> = {
  postgres: {},
  redis: { UPSTASH_REDIS_REST_URL: upstash.url, UPSTASH_REDIS_REST_TOKEN: restToken },
};

const rows: { store: string; measure: string; result: LoadResult; ceiling: LoadResult }[] = [];
try {
  for (const [store, storeEnv] of Object.entries(stores)) {
    const app = await startAppServer(3200, { DATABASE_URL: databaseUrl, NEXTAUTH_URL: "http://127.0.0.1:3200", ...secrets, ...storeEnv });
    try {
      const ceiling = await measureCeiling(app);

      // A line far longer than the active limit, so polls exercise the waiting path.
      const concert = await createBenchConcert(db, { activeLimit: 100, admitPerTick: 50 });
      const users = await createSessionUsers(db, ENTRIES, secrets.AUTH_SECRET);
      const tokens: string[] = new Array(users.length);
      const enterUrl = `${app.url}/api/v1/concerts/${concert.id}/queue`;
      const entries = await runLoad({
    serverCpuMs: app.cpuMs,
        concurrency: CONCURRENCY,
        total: users.length,
        request: async (i) => {
          const response = await fetch(enterUrl, { method: "POST", headers: { cookie: users[i]!.cookie } });
          const body = (await response.clone().json()) as { token?: string };
          if (body.token) tokens[i] = body.token;
          return response;
        },
      });
      const polls = await runLoad({
    serverCpuMs: app.cpuMs,
        concurrency: CONCURRENCY,
        durationMs: DURATION_MS,
        request: (i) => {
          const k = i % users.length;
          return fetch(`${app.url}/api/v1/queue/status`, { headers: { cookie: users[k]!.cookie, "x-queue-token": tokens[k]! } });
        },
      });
      const counters = await runLoad({ concurrency: CONCURRENCY, durationMs: DURATION_MS, request: () => fetch(enterUrl), serverCpuMs: app.cpuMs });
      rows.push({ store, measure: "enter (POST …/queue)", result: entries, ceiling });
      rows.push({ store, measure: "status poll (GET /queue/status)", result: polls, ceiling });
      rows.push({ store, measure: "public counters (GET …/queue)", result: counters, ceiling });
      rows.push({ store, measure: "trivial route (ceiling)", result: ceiling, ceiling });
    } finally {
      await app.stop();
    }
  }
} finally {
  await upstash.close();
  await close();
}

console.log(`\nWaiting-room benchmark · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? "unknown CPU"}`);
console.log(`load generator on the same machine · concurrency ${CONCURRENCY} · ${ENTRIES} entries · ${DURATION_MS / 1000} s per timed run\n`);
console.log("store     measure                            req/s   × ceiling   p50 ms   p99 ms   CPU ms/req   statuses");
for (const { store, measure, result, ceiling } of rows) {
  console.log(
    [
      store.padEnd(9),
      measure.padEnd(34),
      result.perSecond.toFixed(0).padStart(6),
      (result.perSecond / ceiling.perSecond).toFixed(2).padStart(10),
      result.p50Ms.toFixed(1).padStart(8),
      result.p99Ms.toFixed(1).padStart(8),
      cpuColumn(result.cpuMsPerRequest).padStart(12),
      "  " + JSON.stringify(result.statuses),
    ].join(" "),
  );
}
