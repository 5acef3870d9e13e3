// The load: simulated fans going charge → line → seats → hold → pay, over and over, the way
// a careful client would: a failed charge or payment is retried with the SAME
// Idempotency-Key for up to 30 s (honouring Retry-After), and a hold whose answer was
// lost is found again through GET /api/v1/me/holds.
import { randomUUID } from "node:crypto";
import { Client, isTransient, retryDelayMs, type Answer } from "./client";
import type { Operation, Recorder } from "./recorder";

export const RETRY_WINDOW_MS = 30_000;
// A client that gave up is only "stuck" if the service had been back this long before.
const BACK_FOR_MS = 5_000;
const PASSWORD = "chaos-fan-password-1";
const QUEUE_CODES = new Set(["QUEUE_NOT_ACTIVE", "QUEUE_TOKEN_EXPIRED", "QUEUE_TOKEN_INVALID"]);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

export interface Target {
  concertId: string;
  scheduleIds: string[];
}

/** Signs a fan up through the API, signs in through next-auth and makes a personal access token. */
export async function signUpFan(baseUrl: string, index: number): Promise<Record<string, string>> {
  const email = `chaos-${index}-${randomUUID()}@example.test`;
  const json = { "content-type": "application/json", origin: baseUrl };
  const signUp = await fetch(`${baseUrl}/api/v1/users`, { method: "POST", headers: json, body: JSON.stringify({ email, password: PASSWORD, name: `Fan ${index}` }) });
  if (signUp.status !== 201) throw new Error(`sign-up answered ${signUp.status}: ${await signUp.text()}`);

  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies(), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
    redirect: "manual",
  });
  keep(signIn);
  // Tokens are made with the browser session only; ask for every scope a buyer needs.
  const created = await fetch(`${baseUrl}/api/v1/me/tokens`, {
    method: "POST",
    headers: { ...json, cookie: cookies() },
    body: JSON.stringify({ name: "chaos", scopes: ["read", "booking", "payments"] }),
  });
  if (created.status !== 201) throw new Error(`token creation answered ${created.status}: ${await created.text()}`);
  const { token } = (await created.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}

interface HoldRef {
  id: string;
  scheduleId: string;
}

export class Fan {
  private queueToken: string | null = null;
  private readonly client: Client;

  constructor(
    baseUrl: string,
    auth: Record<string, string>,
    private readonly recorder: Recorder,
    private readonly target: Target,
    private readonly stopped: () => boolean,
  ) {
    this.client = new Client(baseUrl, recorder, auth);
  }

  async run() {
    await sleep(between(0, 3000));
    while (!this.stopped()) {
      try {
        await this.cycle();
      } catch (error) {
        this.recorder.problems.push({ at: performance.now(), text: `fan error: ${(error as Error).message}` });
      }
      await sleep(between(2000, 5000));
    }
  }

  private async cycle() {
    await this.charge(30_000);
    // Waiting is bounded too, so fans keep starting top-ups (money under retry) through a
    // long outage; the place in line is kept for the next round.
    if (this.stopped() || !(await this.becomeActive(performance.now() + RETRY_WINDOW_MS))) return;
    const scheduleId = this.target.scheduleIds[Math.floor(Math.random() * this.target.scheduleIds.length)]!;
    const hold = await this.hold(scheduleId);
    if (hold) await this.pay(hold);
    else await this.leaveLine();
  }

  private charge(amount: number) {
    const key = randomUUID();
    return this.operation("charge", key, () => this.client.call("charge", "POST", "/api/v1/wallet/charges", { body: { amount }, headers: { "idempotency-key": key } }));
  }

  /** Pays with one Idempotency-Key; a place lost in the line is won back and the same key retried. */
  private pay(hold: HoldRef) {
    const key = randomUUID();
    return this.operation("payment", key, async (deadline) => {
      const answer = await this.client.call("payment", "POST", "/api/v1/payments", {
        body: { holdId: hold.id },
        headers: { "idempotency-key": key, "x-queue-token": this.queueToken ?? "" },
      });
      if (answer.status === 201) this.queueToken = null; // paying ends the shopping session
      if (answer.status === 403 && QUEUE_CODES.has(answer.code)) {
        // Not an answer to the payment: the place in line is gone. Win it back, then retry.
        await this.becomeActive(deadline);
        return { ...answer, status: 0, code: `requeued after ${answer.code}` };
      }
      return answer;
    });
  }

  /** Holds 1–2 free seats near the front (so fans collide); a lost answer is found again. */
  private async hold(scheduleId: string): Promise<HoldRef | null> {
    for (let pick = 0; pick < 3 && !this.stopped(); pick++) {
      const map = await this.client.call("seats", "GET", `/api/v1/schedules/${scheduleId}/seats`, { headers: { "x-queue-token": this.queueToken ?? "" } });
      if (map.status !== 200) return null;
      const free = (map.body as { seats: { id: string; status: string }[] }).seats.filter((s) => s.status === "AVAILABLE").slice(0, 60);
      if (free.length === 0) return null;
      const seatIds = [...new Set([0, 1].slice(0, 1 + Math.floor(Math.random() * 2)).map(() => free[Math.floor(Math.random() * free.length)]!.id))];
      let uncertain = false;
      let found: HoldRef | null = null;
      const answer = await this.operation("hold", `hold:${randomUUID()}`, async () => {
        const a = await this.client.call("hold", "POST", "/api/v1/holds", { body: { scheduleId, seatIds }, headers: { "x-queue-token": this.queueToken ?? "" } });
        if (isTransient(a)) uncertain = true;
        // An earlier attempt may have held the seats although its answer was lost; so may an
        // earlier cycle whose payment gave up. Either way the hold is ours: find it.
        if (a.code === "HOLD_EXISTS" || (uncertain && a.code === "SEAT_UNAVAILABLE")) {
          const mine = await this.myHold(scheduleId);
          if (mine === "missing") return { ...a, status: -1, code: `${a.code}, and GET /api/v1/me/holds is not there to find the hold` };
          if (mine) found = mine;
          else if (a.code === "HOLD_EXISTS") return { ...a, status: -1, code: "HOLD_EXISTS, but GET /api/v1/me/holds shows no live hold" };
        }
        return a;
      });
      if (found) return found;
      if (answer?.status === 201) return { id: (answer.body as { id: string }).id, scheduleId };
      if (answer?.code !== "SEAT_UNAVAILABLE") return null;
    }
    return null;
  }

  /** The caller's live hold on this date, null for none, "missing" when the route is not there. */
  private async myHold(scheduleId: string): Promise<HoldRef | null | "missing"> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const a = await this.client.call("my-holds", "GET", "/api/v1/me/holds");
      if (a.status === 200) {
        const list = Array.isArray(a.body) ? a.body : ((a.body as { items?: unknown[] }).items ?? []);
        const hold = (list as { id: string; scheduleId: string; status?: string }[]).find((h) => h.scheduleId === scheduleId && (h.status ?? "ACTIVE") === "ACTIVE");
        return hold ? { id: hold.id, scheduleId } : null;
      }
      if (!isTransient(a)) return "missing";
      await sleep(retryDelayMs(a, attempt));
    }
    return null;
  }

  /** Gets (back) into the line and polls until ACTIVE, or gives up at `deadline`. */
  private async becomeActive(deadline: number): Promise<boolean> {
    let attempt = 0;
    while (performance.now() < deadline && !this.stopped()) {
      if (!this.queueToken) {
        const entered = await this.client.call("enter", "POST", `/api/v1/concerts/${this.target.concertId}/queue`);
        if (entered.status === 200 || entered.status === 201) {
          const view = entered.body as { token: string; status: string; pollAfterMs: number };
          this.queueToken = view.token;
          if (view.status === "ACTIVE") return true;
          await sleep(clampPoll(view.pollAfterMs));
        } else await sleep(retryDelayMs(entered, attempt++));
        continue;
      }
      const polled = await this.client.call("status", "GET", "/api/v1/queue/status", { headers: { "x-queue-token": this.queueToken } });
      if (polled.status === 200) {
        const view = polled.body as { status: string; pollAfterMs: number };
        if (view.status === "ACTIVE") return true;
        if (view.status === "EXPIRED") this.queueToken = null;
        else await sleep(clampPoll(view.pollAfterMs));
      } else if (polled.status === 403) this.queueToken = null;
      else await sleep(retryDelayMs(polled, attempt++));
    }
    return false;
  }

  private async leaveLine() {
    if (!this.queueToken) return;
    await this.client.call("status", "DELETE", "/api/v1/queue", { headers: { "x-queue-token": this.queueToken } });
    this.queueToken = null;
  }

  /**
   * One logical request, retried while the answer is transient for up to 30 s. `attempt`
   * returns status -1 for "no answer can be had" (recorded as stuck at once).
   */
  private async operation(kind: Operation["kind"], key: string, attempt: (deadline: number) => Promise<Answer>): Promise<Answer | null> {
    const started = performance.now();
    const open = { started };
    this.recorder.openOperations.add(open);
    try {
      return await this.retry(kind, key, started, attempt);
    } finally {
      this.recorder.openOperations.delete(open);
    }
  }

  private async retry(kind: Operation["kind"], key: string, started: number, attempt: (deadline: number) => Promise<Answer>): Promise<Answer | null> {
    const deadline = started + RETRY_WINDOW_MS;
    for (let attempts = 1; ; attempts++) {
      const answer = await attempt(deadline);
      const record = (outcome: Operation["outcome"], final: string) =>
        this.recorder.operations.push({ kind, key, started, ended: performance.now(), attempts, outcome, final });
      if (answer.status === -1) {
        record("stuck", answer.code);
        return null;
      }
      if (answer.status !== 0 && !isTransient(answer)) {
        record("answered", `${answer.status}${answer.code ? ` ${answer.code}` : ""}`);
        return answer;
      }
      const delay = retryDelayMs(answer, attempts);
      if (performance.now() + delay > deadline || this.stopped()) {
        const now = performance.now();
        const last = `${answer.status} ${answer.code}`;
        if (this.stopped()) record("gave-up-while-down", `stopped; last ${last}`);
        else record(this.recorder.upFor(now, BACK_FOR_MS) ? "stuck" : "gave-up-while-down", `last ${last}`);
        return null;
      }
      await sleep(delay);
    }
  }
}

const clampPoll = (ms: number) => Math.min(Math.max(Number(ms) || 1000, 250), 3000);

/** New people signing up all along (sign-up must answer 503, not 500, while the database is down). */
export async function signUpTrickle(baseUrl: string, recorder: Recorder, stopped: () => boolean) {
  const client = new Client(baseUrl, recorder);
  for (let i = 0; !stopped(); i++) {
    await client.call("signup", "POST", "/api/v1/users", { body: { email: `chaos-new-${i}-${randomUUID()}@example.test`, password: PASSWORD, name: `Newcomer ${i}` } });
    await sleep(2000);
  }
}
