// A small closed-loop load generator: `concurrency` workers issue requests back to back
// until `total` requests are done or `durationMs` has passed.

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses by status code; anything unexpected shows up here. */
  statuses: Record<number, number>;
  /** The server's CPU time per request (ms), when the run was given the server's CPU meter. */
  cpuMsPerRequest: number | null;
}

export async function runLoad(options: {
  concurrency: number;
  total?: number;
  durationMs?: number;
  request: (i: number) => Promise<Response>;
  /** The server's CPU time so far (ms): measured around the run, divided by its requests. */
  serverCpuMs?: () => number;
}): Promise<LoadResult> {
  const { concurrency, total = Number.POSITIVE_INFINITY, durationMs = Number.POSITIVE_INFINITY } = options;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const cpuBefore = options.serverCpuMs?.();
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < total && performance.now() - started < durationMs) {
      const i = next++;
      const t = performance.now();
      const response = await options.request(i);
      await response.arrayBuffer();
      latencies.push(performance.now() - t);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpuMsPerRequest = cpuBefore === undefined ? null : (options.serverCpuMs!() - cpuBefore) / Math.max(1, latencies.length);
  // A benchmark of refusals measures nothing: no request may fail to authenticate or fail on our side.
  const broken = Object.keys(statuses).map(Number).filter((status) => status === 401 || status >= 500);
  if (broken.length) throw new Error(`The load was answered with ${broken.join(", ")}: ${JSON.stringify(statuses)}. Fix the setup or the app before reading any figure.`);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { requests: latencies.length, seconds, perSecond: latencies.length / seconds, p50Ms: pct(0.5), p99Ms: pct(0.99), statuses, cpuMsPerRequest };
}

/** The server's CPU per request as a column, or a dash where it was not measured. */
export const cpuColumn = (msPerRequest: number | null) => (msPerRequest === null ? "—" : msPerRequest.toFixed(2)).padStart(6);
