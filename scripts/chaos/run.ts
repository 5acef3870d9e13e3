// npm run chaos — real faults under a bounded mixed load against the production build, each
// judged afterwards: money and seat invariants in SQL, no 5xx but 503, every retried
// charge/payment answered, recovery time. Everything runs on its own PostgreSQL, Redis and
// app on free ports of 127.0.0.1, and is stopped and removed at the end, failure or not.
//
//   npm run chaos                      builds (next build) in the current directory first
//   CHAOS_SKIP_BUILD=1 npm run chaos   reuses the existing .next build
//   CHAOS_APP_DIR=<dir>                runs (and builds) the app in another checkout
//   CHAOS_FANS=40                      number of simulated fans
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabase } from "../db/admin";
import { freePort } from "../free-port";
import { prepareDatabase } from "../db/prepare";
import { FAULTS, type Services } from "./faults";
import { checkInvariants, selfTestChecks, type CheckResult } from "./invariants";
import { Fan, RETRY_WINDOW_MS, signUpFan, signUpTrickle } from "./load";
import { Recorder } from "./recorder";
import { judgeFault, printTable, rowFailures, type FaultRow } from "./report";
import { AppService, logFile, PostgresService, RedisService, startRestServer } from "./services";
import { createTarget } from "./setup";

const FANS = Number(process.env.CHAOS_FANS ?? 40);
const appDir = path.resolve(process.env.CHAOS_APP_DIR ?? ".");
const runStarted = performance.now();
const secret = () => randomBytes(32).toString("base64url");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const elapsed = () => `${((performance.now() - runStarted) / 1000).toFixed(0)} s`;
const say = (line: string) => console.log(`[chaos ${elapsed()}] ${line}`);

const tmp = mkdtempSync(path.join(os.tmpdir(), "stagepass-chaos-"));
// Run as root, the embedded PostgreSQL runs as the `postgres` user, who must reach its data.
chmodSync(tmp, 0o755);
const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | null = null;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch((error) => console.error("cleanup:", (error as Error).message));
    rmSync(tmp, { recursive: true, force: true });
  })();
  return cleaning;
}
process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping everything this run started…`);
    void cleanUp().then(() => process.exit(130));
  });
}

let exitCode = 1;
try {
  build();

  const postgres = new PostgresService(path.join(tmp, "postgres"), await freePort());
  await postgres.start();
  cleanups.push(() => postgres.stop());
  const databaseUrl = await createDatabase(postgres.url, "stagepass_chaos");
  await prepareDatabase(databaseUrl);
  say(`PostgreSQL on port ${postgres.port}, migrated and seeded`);

  const redisLog = logFile(tmp, "redis.log");
  const redis = new RedisService(await freePort(), redisLog);
  await redis.start();
  cleanups.push(() => redis.kill());
  const restToken = secret();
  const rest = await startRestServer(redis.url, restToken, redisLog);
  cleanups.push(() => rest.close());
  say(`redis-server on port ${redis.port}, REST server on ${rest.url}`);

  const appPort = await freePort();
  const appLog = logFile(tmp, "app.log");
  const app = new AppService(appDir, appPort, appEnv(databaseUrl, appPort, rest.url, restToken), appLog);
  cleanups.push(() => app.kill("SIGTERM"));
  await app.start();
  say(`app (npm start: scripts/serve.ts) on ${app.url}`);

  const target = await createTarget(databaseUrl, FANS);
  const fansAuth = await inBatches(FANS, 8, (i) => signUpFan(app.url, i));
  say(`${FANS} fans signed up, signed in, with access tokens; concert ${target.concertId}`);

  const recorder = new Recorder();
  let stopped = false;
  const load = [
    ...fansAuth.map((auth) => new Fan(app.url, auth, recorder, target, () => stopped).run()),
    signUpTrickle(app.url, recorder, () => stopped),
  ];
  cleanups.push(async () => {
    stopped = true;
    await Promise.race([Promise.all(load), sleep(5000)]);
  });

  // Warm up: the line moves and payments go through before anything breaks.
  for (let i = 0; i < 120 && recorder.samples.filter((s) => s.kind === "payment" && s.status === 201).length < 5; i++) await sleep(500);
  say(`load running: ${recorder.samples.filter((s) => s.kind === "payment" && s.status === 201).length} payments so far`);

  const services: Services = { postgres, redis, app };
  const rows: FaultRow[] = [];
  for (const fault of FAULTS) {
    const start = performance.now();
    say(`fault: ${fault.name}`);
    await fault.inject(services, recorder);
    const back = performance.now();
    await settle(recorder, back, start);
    const end = performance.now();
    const invariants = await invariantsOf(databaseUrl);
    const row = judgeFault({ name: fault.name, start, back, end }, recorder, invariants);
    rows.push(row);
    const failures = rowFailures(row);
    const down = recorder.lastOutage()?.down ?? start;
    say(`  down ${((back - down) / 1000).toFixed(1)} s, window ${((end - start) / 1000).toFixed(0)} s: ${failures.length ? failures.join(" · ") : "ok"}`);
  }

  stopped = true;
  await Promise.race([Promise.all(load), sleep(RETRY_WINDOW_MS + 15_000)]);
  const finalChecks = await invariantsOf(databaseUrl);
  const selfTest = await withClient(databaseUrl, selfTestChecks);

  const totals = recorder.samples.reduce<Record<string, number>>((t, s) => ((t[s.status] = (t[s.status] ?? 0) + 1), t), {});
  const paid = recorder.samples.filter((s) => s.kind === "payment" && s.status === 201).length;
  console.log(`\nChaos suite · ${FANS} fans · ${recorder.samples.length} requests ${JSON.stringify(totals)} · ${paid} payments · ${elapsed()}\n`);
  printTable(rows);
  const finalBroken = finalChecks.filter((c) => c.violations);
  console.log(`\nAfter the load stopped: ${finalBroken.length ? `BROKEN ${finalBroken.map((c) => `${c.name} ${JSON.stringify(c.sample)}`).join("; ")}` : `all ${finalChecks.length} invariants hold`}`);
  const blind = selfTest.filter((t) => !t.caught);
  console.log(`Self-test of the checks (corrupt, check, roll back): ${blind.length ? `BLIND to ${blind.map((t) => `${t.corruption} → ${t.expected}`).join("; ")}` : `each of ${selfTest.length} corruptions was caught`}`);

  const failures = [...rows.flatMap((r) => rowFailures(r).map((f) => `${r.name}: ${f}`)), ...finalBroken.map((c) => `final: ${c.name}`), ...blind.map((t) => `self-test: ${t.corruption}`)];
  if (failures.length) {
    console.log(`\nFAILED (${failures.length}):\n  ${failures.join("\n  ")}`);
    console.log(`App log tail:\n${tail(path.join(tmp, "app.log"))}`);
  } else console.log("\nPASSED");
  exitCode = failures.length ? 1 : 0;
} catch (error) {
  console.error("Chaos run aborted:", error);
  if (existsSync(path.join(tmp, "app.log"))) console.error(`App log tail:\n${tail(path.join(tmp, "app.log"))}`);
} finally {
  await cleanUp();
  say(`done, exit ${exitCode}`);
}
process.exit(exitCode);

function build() {
  if (process.env.CHAOS_SKIP_BUILD === "1") {
    if (!existsSync(path.join(appDir, ".next/BUILD_ID"))) throw new Error(`CHAOS_SKIP_BUILD=1 but ${appDir} has no production build`);
    return;
  }
  say(`next build in ${appDir}`);
  const result = spawnSync(path.join(appDir, "node_modules/.bin/next"), ["build"], { cwd: appDir, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error(`next build failed (${result.status ?? result.signal})`);
}

/** Production settings and throwaway secrets; nothing from this shell's own services leaks in. */
function appEnv(databaseUrl: string, port: number, restUrl: string, restToken: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: secret(),
    QUEUE_TOKEN_SECRET: secret(),
    CRON_SECRET: secret(),
    UPSTASH_REDIS_REST_URL: restUrl,
    UPSTASH_REDIS_REST_TOKEN: restToken,
    // All fans come from 127.0.0.1: lift the per-address limits out of the way.
    RATE_LIMIT_MULTIPLIER: "1000",
    // Empty means unset (lib/env.ts): this shell's values must not change the run.
    REDIS_URL: "",
    TRUSTED_PROXY: "",
    HOLD_TTL_SECONDS: "",
    QUEUE_ACTIVE_LIMIT: "",
    QUEUE_ADMIT_PER_TICK: "",
    QUEUE_ACTIVE_TTL_SECONDS: "",
  };
}

/**
 * Keeps the window open after the dependency is back until every retry that began before
 * then has ended (30 s of retries plus a last request's timeout at most) and at least 8 s
 * of normal traffic were seen.
 */
async function settle(recorder: Recorder, back: number, start: number) {
  const latest = back + RETRY_WINDOW_MS + 10_000;
  while (performance.now() < latest) {
    const pending = [...recorder.openOperations].some((op) => op.started <= back && op.started >= start - RETRY_WINDOW_MS);
    if (!pending && performance.now() > back + 8000) return;
    await sleep(250);
  }
}

async function invariantsOf(databaseUrl: string): Promise<CheckResult[]> {
  return withClient(databaseUrl, (client) => checkInvariants(client));
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => {});
      if (attempt >= 20) throw error;
      await sleep(500);
      continue;
    }
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))));
  return out;
}

/** The last lines of a log, each cut short (the app logs stack traces as one JSON line). */
function tail(file: string): string {
  const result = spawnSync("tail", ["-n", "15", file], { encoding: "utf8" });
  return (result.stdout ?? "")
    .split("\n")
    .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line))
    .join("\n");
}
