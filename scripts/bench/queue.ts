// npm run bench:queue — waiting-room cost against the production build, for both queue
// stores, each beside the trivial route measured on the same server in the same run.
// Needs `npm run build` first; uses DATABASE_URL's server (or the embedded one) and the
// Redis at REDIS_URL (default redis://127.0.0.1:6379) through the Upstash REST server.
import os from "node:os";
import { startUpstashRestServer } from "../upstash-rest-server";
import { startAppServer } from "./app-server";
import { clientFor, CONCURRENCY, DURATION_MS, measureTrivialRoute, openBench } from "./bench-setup";
import { createBenchConcert, createSessionUsers, randomSecret } from "./fixtures";
import { printResults, runLoad, type LoadResult } from "./load";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 6000);

const { db, databaseUrl, secrets, close } = await openBench();
const token = randomSecret();
const upstash = await startUpstashRestServer({ redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", token });

const rows: { label: string; result: LoadResult }[] = [];
try {
  for (const store of ["postgres", "redis"] as const) {
    const app = await startAppServer(3200, { databaseUrl, secrets, redis: store === "redis" ? { server: upstash, token } : undefined });
    const client = clientFor(app);
    try {
      const trivial = await measureTrivialRoute(app, client);

      // A line far longer than the active limit, so polls exercise the waiting path.
      const concert = await createBenchConcert(db, { activeLimit: 100, admitPerTick: 50 });
      const users = await createSessionUsers(db, ENTRIES, secrets.AUTH_SECRET);
      const tokens: string[] = new Array(users.length);
      const enterPath = `/api/v1/concerts/${concert.id}/queue`;
      const entries = await runLoad({
        meters: app.meters,
        concurrency: CONCURRENCY,
        total: users.length,
        warmup: 1000, // as many as the trivial route: each entrant is new, so the first ones compile the whole path
        send: async (i) => {
          const sent = await client.send({ method: "POST", path: enterPath, headers: { cookie: users[i]!.cookie } });
          tokens[i] = (JSON.parse(sent.body) as { token: string }).token;
          return sent;
        },
      });
      const polls = await runLoad({
        meters: app.meters,
        concurrency: CONCURRENCY,
        durationMs: DURATION_MS,
        send: (i) => {
          const k = i % users.length;
          return client.send({ path: "/api/v1/queue/status", headers: { cookie: users[k]!.cookie, "x-queue-token": tokens[k]! } });
        },
      });
      const counters = await runLoad({ meters: app.meters, concurrency: CONCURRENCY, durationMs: DURATION_MS, send: () => client.send({ path: enterPath }) });
      rows.push(
        { label: `${store} · trivial route (floor)`, result: trivial },
        { label: `${store} · queue entry (POST …/queue)`, result: entries },
        { label: `${store} · status poll (GET /queue/status)`, result: polls },
        { label: `${store} · public counters (GET …/queue)`, result: counters },
      );
    } finally {
      await client.close();
      await app.stop();
    }
  }
} finally {
  await upstash.close();
  await close();
}

printResults(
  `Waiting-room benchmark · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? "unknown CPU"} · load generator on the same machine · ` +
    `concurrency ${CONCURRENCY} · ${ENTRIES} entries · ${DURATION_MS / 1000} s per timed run`,
  rows,
);
