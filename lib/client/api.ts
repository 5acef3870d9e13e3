import type { Problem } from "../http/problem";

/** A problem+json answer from our API, thrown by apiFetch. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }

  /** Field errors keyed by field name (the first message per field). */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.problem.errors ?? []) byField[field] ??= message;
    return byField;
  }
}

// How far the server's clock is ahead of this browser's, from the Date header of our
// own API responses; countdowns to server times (hold expiry, shopping time) use it.
let serverClockOffsetMs = 0;

/** The current time by the server's clock. */
export function serverNow(): number {
  return toServerTime(Date.now());
}

/** A time read off this browser's clock, by the server's clock. */
export function toServerTime(browserMs: number): number {
  return browserMs + serverClockOffsetMs;
}

// Slow answers say little about when the server stamped them; only quick ones count.
const MAX_SAMPLE_ROUND_TRIP_MS = 2_000;

function learnServerClock(response: Response, sentAt: number) {
  const receivedAt = Date.now();
  const date = Date.parse(response.headers.get("date") ?? "");
  // The header has whole seconds (stamped as the response left): aim at the middle of that second.
  if (!Number.isNaN(date) && receivedAt - sentAt <= MAX_SAMPLE_ROUND_TRIP_MS) serverClockOffsetMs = date + 500 - receivedAt;
}

/** fetch for the browser: JSON in, JSON out, problems thrown as ApiProblem. */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const sentAt = Date.now();
  const response = await fetch(path, {
    ...rest,
    headers: { ...(json !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  learnServerClock(response, sentAt);
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiProblem(
      body?.code ? body : { type: "about:blank", title: "Request failed", status: response.status, detail: `The server answered ${response.status}.`, code: "INTERNAL" },
    );
  }
  return body as T;
}
