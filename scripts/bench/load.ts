// A small closed-loop load generator: `concurrency` workers issue requests back to back over
// keep-alive connections (undici's pool: about as cheap per request as autocannon, so the
// generator leaves the cores to the server) until `total` requests are done or `durationMs`
// has passed. Around each run it reads the server's meters: CPU and round trips per request.
import { Pool } from "undici";
import type { AppMeters } from "./app-server";

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses by status code; anything unexpected shows up here. */
  statuses: Record<number, number>;
  /** The server's CPU time per request (ms). */
  cpuMsPerRequest: number;
  /** What the server asked PostgreSQL (Syncs and simple queries) and Redis (HTTP calls) per request. */
  dbRoundTripsPerRequest: number;
  redisCallsPerRequest: number;
}

export interface Sent {
  status: number;
  body: string;
}

export interface RequestSpec {
  method?: "GET" | "POST" | "DELETE";
  path: string;
  headers?: Record<string, string>;
  /** Sent as JSON with its content type. */
  json?: unknown;
}

/** Keep-alive connections to one server. */
export function httpClient(origin: string, connections: number) {
  const pool = new Pool(origin, { connections, pipelining: 1 });
  return {
    async send({ method = "GET", path, headers = {}, json }: RequestSpec): Promise<Sent> {
      const body = json === undefined ? undefined : JSON.stringify(json);
      const response = await pool.request({
        method,
        path,
        headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
        body,
      });
      return { status: response.statusCode, body: await response.body.text() };
    },
    close: () => pool.close(),
  };
}

export type HttpClient = ReturnType<typeof httpClient>;

export async function runLoad(options: {
  concurrency: number;
  total?: number;
  durationMs?: number;
  /**
   * Requests sent first and not measured (part of `total`): the server compiles a path the
   * first times it runs, and that cost is not the path's.
   */
  warmup?: number;
  send: (i: number) => Promise<Sent>;
  meters: AppMeters;
}): Promise<LoadResult> {
  const { concurrency, total = Number.POSITIVE_INFINITY, durationMs = Number.POSITIVE_INFINITY, warmup = 200, meters } = options;
  let next = 0;
  const issue = async (until: number, deadline: number, record: (ms: number, status: number) => void) => {
    const worker = async () => {
      while (next < until && performance.now() < deadline) {
        const i = next++;
        const t = performance.now();
        const { status } = await options.send(i);
        record(performance.now() - t, status);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await issue(Math.min(warmup, total / 5), Number.POSITIVE_INFINITY, () => {});
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const before = meters.read();
  const started = performance.now();
  await issue(total, started + durationMs, (ms, status) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const seconds = (performance.now() - started) / 1000;
  const after = meters.read();
  // A benchmark of refusals measures nothing: no request may fail to authenticate or fail on our side.
  const broken = Object.keys(statuses).map(Number).filter((status) => status === 401 || status >= 500);
  if (broken.length) throw new Error(`The load was answered with ${broken.join(", ")}: ${JSON.stringify(statuses)}. Fix the setup or the app before reading any figure.`);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  const per = (a: number, b: number) => (a - b) / Math.max(1, latencies.length);
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    statuses,
    cpuMsPerRequest: per(after.cpuMs, before.cpuMs),
    dbRoundTripsPerRequest: per(after.dbRoundTrips, before.dbRoundTrips),
    redisCallsPerRequest: per(after.redisCalls, before.redisCalls),
  };
}

/** Adds up runs of one measure (e.g. rounds of contended holds) into one result. */
export function combine(runs: LoadResult[]): LoadResult {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const weighted = (pick: (r: LoadResult) => number) => runs.reduce((sum, r) => sum + pick(r) * r.requests, 0) / Math.max(1, requests);
  const statuses: Record<number, number> = {};
  for (const run of runs) for (const [status, n] of Object.entries(run.statuses)) statuses[Number(status)] = (statuses[Number(status)] ?? 0) + n;
  return {
    requests,
    seconds,
    perSecond: requests / seconds,
    p50Ms: weighted((r) => r.p50Ms),
    p99Ms: Math.max(...runs.map((r) => r.p99Ms)),
    statuses,
    cpuMsPerRequest: weighted((r) => r.cpuMsPerRequest),
    dbRoundTripsPerRequest: weighted((r) => r.dbRoundTripsPerRequest),
    redisCallsPerRequest: weighted((r) => r.redisCallsPerRequest),
  };
}

/**
 * One table per benchmark: every measure beside the trivial route of the same server (the
 * row labelled "trivial route" above it), and its CPU as a multiple of that route's — the
 * figure that stays put when the machine's speed moves between runs.
 */
export function printResults(title: string, rows: { label: string; result: LoadResult }[]) {
  console.log(`\n${title}\n`);
  console.log(`${"measure".padEnd(52)}  req/s  p50 ms  p99 ms  CPU ms/req  × trivial  DB trips/req  Redis/req  statuses`);
  let floor: LoadResult | undefined;
  for (const { label, result: r } of rows) {
    if (label.includes("trivial route")) floor = r;
    console.log(
      [
        label.padEnd(52),
        r.perSecond.toFixed(0).padStart(6),
        r.p50Ms.toFixed(1).padStart(7),
        r.p99Ms.toFixed(1).padStart(7),
        r.cpuMsPerRequest.toFixed(2).padStart(11),
        (floor ? (r.cpuMsPerRequest / floor.cpuMsPerRequest).toFixed(2) : "—").padStart(10),
        r.dbRoundTripsPerRequest.toFixed(2).padStart(13),
        r.redisCallsPerRequest.toFixed(2).padStart(10),
        " " + JSON.stringify(r.statuses),
      ].join(" "),
    );
  }
}
