// A fan's HTTP client: every call is recorded, and no call waits longer than a client would.
import type { Kind, Recorder } from "./recorder";

export interface Answer {
  status: number;
  code: string;
  /** Parsed JSON; callers cast it to the shape the OpenAPI document promises. */
  body: unknown;
  retryAfter: string | null;
}

// A real client gives up on a request after this long; a hang counts as no answer.
const REQUEST_TIMEOUT_MS = 15_000;

export class Client {
  constructor(
    readonly baseUrl: string,
    private readonly recorder: Recorder,
    private headers: Record<string, string> = {},
  ) {}

  withHeaders(headers: Record<string, string>) {
    return new Client(this.baseUrl, this.recorder, { ...this.headers, ...headers });
  }

  async call(kind: Kind, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
    const sent = performance.now();
    this.recorder.begin(kind);
    let answer: Answer;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { ...this.headers, ...(options.body === undefined ? {} : { "content-type": "application/json" }), ...options.headers },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        redirect: "manual",
      });
      const text = await response.text();
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = { unparsed: text.slice(0, 200) };
      }
      const problemCode = (body as { code?: unknown } | null)?.code;
      const code = response.ok ? "" : typeof problemCode === "string" ? problemCode : `non-problem ${response.headers.get("content-type") ?? "body"}`;
      answer = { status: response.status, code, body, retryAfter: response.headers.get("retry-after") };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const code = (error as Error).name === "TimeoutError" ? "TIMEOUT" : (cause ?? (error as Error).name);
      answer = { status: 0, code, body: null, retryAfter: null };
    }
    this.recorder.end({ kind, sent, done: performance.now(), status: answer.status, code: answer.code, retryAfter: answer.retryAfter });
    return answer;
  }
}

/** Worth retrying with the same request: no answer, a server-side failure, a limit, or a twin still in flight. */
export function isTransient(answer: Answer): boolean {
  return answer.status === 0 || answer.status >= 500 || answer.status === 429 || answer.code === "IDEMPOTENCY_IN_PROGRESS";
}

/** How long to wait before retrying, as the server asked (bounded), else a short backoff. */
export function retryDelayMs(answer: Answer, attempt: number): number {
  const asked = Number(answer.retryAfter);
  if (Number.isFinite(asked) && asked > 0) return Math.min(asked, 5) * 1000;
  return Math.min(250 * 2 ** attempt, 2000);
}
