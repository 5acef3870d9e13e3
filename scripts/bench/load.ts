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
}

export async function runLoad(options: {
  concurrency: number;
  total?: number;
  durationMs?: number;
  request: (i: number) => Promise<Response>;
}): Promise<LoadResult> {
  const { concurrency, total = Number.POSITIVE_INFINITY, durationMs = Number.POSITIVE_INFINITY } = options;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
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
  // A benchmark of refusals measures nothing: no request may fail to authenticate or fail on our side.
  const broken = Object.keys(statuses).map(Number).filter((status) => status === 401 || status >= 500);
  if (broken.length) throw new Error(`The load was answered with ${broken.join(", ")}: ${JSON.stringify(statuses)}. Fix the setup or the app before reading any figure.`);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { requests: latencies.length, seconds, perSecond: latencies.length / seconds, p50Ms: pct(0.5), p99Ms: pct(0.99), statuses };
}
