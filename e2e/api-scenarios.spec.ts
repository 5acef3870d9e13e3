import { randomUUID } from "node:crypto";
import { type APIRequestContext, type APIResponse, expect, request, test } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import { solveChallenge } from "altcha-lib/v1";
import { startReceiver } from "../tests/webhook-receiver";
import { apiAccount, PASSWORD } from "./support";

// The public API as a third party sees it: every operation of the OpenAPI document is
// walked through its success path and the error codes a client can provoke, using only
// what the document describes. Every answer is checked against the document: an
// undocumented status or code, or a success body off its schema, fails the suite.

type DocResponse = { "x-error-codes"?: string[]; content?: Record<string, { schema?: object }> };
type Doc = { paths: Record<string, Record<string, { responses: Record<string, DocResponse> }>> };
const ajv = new Ajv2020({ strict: false, formats: { uuid: true, "date-time": true, uri: true } });
type Account = Awaited<ReturnType<typeof apiAccount>>;

// Codes no client can provoke on purpose against a healthy server with the demo data.
const UNPROVOKABLE = new Set(["SERVICE_UNAVAILABLE", "INTERNAL", "SCHEDULE_NOT_ON_SALE", "QUEUE_TOKEN_EXPIRED", "IDEMPOTENCY_IN_PROGRESS"]);

test.describe.serial("API scenarios", () => {
  let doc: Doc;
  let anonymous: APIRequestContext;
  const seen = new Map<string, Set<string>>(); // "post /api/v1/holds" → {"201", "SEAT_UNAVAILABLE", …}

  /** Calls an operation by its documented path template, records and checks the answer. */
  async function call(method: string, template: string, options: { params?: Record<string, string>; headers?: Record<string, string>; data?: unknown; context?: APIRequestContext } = {}) {
    const url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? ""));
    const context = options.context ?? anonymous;
    const response: APIResponse = await context.fetch(url, { method, headers: options.headers, data: options.data as object, failOnStatusCode: false });
    const operation = doc.paths[template.split("?")[0]!]?.[method.toLowerCase()];
    expect(operation, `${method} ${template} is in the document`).toBeDefined();
    const status = String(response.status());
    expect(Object.keys(operation!.responses), `${method} ${template} documents ${status}`).toContain(status);
    const body = response.status() === 204 ? null : /json/.test(response.headers()["content-type"] ?? "") ? await response.json() : await response.text();
    const key = `${method.toLowerCase()} ${template.split("?")[0]}`;
    const marks = seen.get(key) ?? new Set<string>();
    marks.add(status);
    const schema = operation!.responses[status]!.content?.["application/json"]?.schema;
    if (response.status() < 400 && schema) {
      const valid = ajv.validate(schema, body);
      expect(valid, `${method} ${template} ${status} body matches its schema: ${ajv.errorsText()}`).toBe(true);
    }
    if (response.status() >= 400) {
      expect(response.headers()["content-type"]).toBe("application/problem+json");
      expect(operation!.responses[status]!["x-error-codes"], `${key} documents ${body.code}`).toContain(body.code);
      marks.add(body.code);
    }
    seen.set(key, marks);
    return { status: response.status(), body, headers: response.headers() };
  }

  /**
   * Opens a server-sent event stream, as an EventSource would, reads its first event and
   * hangs up; an answer that is not a stream is checked by call() instead.
   */
  async function firstEvent(template: string, params: Record<string, string>, headers: Record<string, string>) {
    const hangUp = new AbortController();
    const response = await fetch(new URL(template.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!), base), { headers, signal: hangUp.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = response.body!.getReader();
    let text = "";
    while (!/\nevent: .*\ndata: .*\n\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    const key = `get ${template}`;
    seen.set(key, new Set([...(seen.get(key) ?? []), "200"]));
    return { text, close: () => hangUp.abort() };
  }

  let a: Account, b: Account, c: Account;
  let base = "";
  const ids: Record<string, string> = {}; // filled as the scenarios go
  const id = (name: string) => ids[name]!;

  test.beforeAll(async ({ baseURL }) => {
    base = baseURL!;
    anonymous = await request.newContext({ baseURL });
    doc = await (await anonymous.get("/api/v1/openapi.json")).json();
    [a, b, c] = await Promise.all([apiAccount(request, baseURL!, "Scenario A"), apiAccount(request, baseURL!, "Scenario B"), apiAccount(request, baseURL!, "Scenario C")]);
  });

  test("accounts, tokens, catalogue and operations", async () => {
    const email = `scenario-${randomUUID()}@example.test`;
    expect((await call("POST", "/api/v1/users", { data: { email, password: "correct-horse-9", name: "S" } })).status).toBe(201);
    expect((await call("POST", "/api/v1/users", { data: { email, password: "correct-horse-9", name: "S" } })).body.code).toBe("EMAIL_TAKEN");
    expect((await call("POST", "/api/v1/users", { data: { email: "nope", password: "x", name: "" } })).body.code).toBe("VALIDATION_FAILED");
    expect((await call("POST", "/api/v1/users", { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } })).body.code).toBe("MALFORMED_JSON");
    // Only JSON, and only a little of it: a form post cannot pose as an API call.
    expect((await call("POST", "/api/v1/users", { data: Buffer.from("email=x"), headers: { "content-type": "text/plain" } })).body.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect((await call("POST", "/api/v1/users", { data: { email, password: "correct-horse-9", name: "x".repeat(50_000) } })).body.code).toBe("PAYLOAD_TOO_LARGE");

    // Tokens are managed with the browser session only: a token cannot mint or revoke tokens.
    const made = await call("POST", "/api/v1/me/tokens", { context: a.context, data: { name: "second" } });
    expect(made.status).toBe(201);
    expect((await call("POST", "/api/v1/me/tokens", { headers: a.auth, data: { name: "third" } })).body.code).toBe("SESSION_REQUIRED");
    expect((await call("GET", "/api/v1/me/tokens", { context: a.context })).body.items.length).toBe(2);
    expect((await call("DELETE", "/api/v1/me/tokens/{tokenId}", { context: a.context, params: { tokenId: made.body.id } })).status).toBe(204);
    expect((await call("DELETE", "/api/v1/me/tokens/{tokenId}", { context: b.context, params: { tokenId: a.tokenId } })).body.code).toBe("NOT_FOUND");
    expect((await call("GET", "/api/v1/wallet", { headers: { authorization: `Bearer ${made.body.token}` } })).body.code).toBe("INVALID_ACCESS_TOKEN");
    expect((await call("GET", "/api/v1/wallet")).body.code).toBe("UNAUTHENTICATED");

    // Scopes and expiry are chosen at creation; at most 20 live tokens (b has one already).
    const readOnly = await call("POST", "/api/v1/me/tokens", { context: b.context, data: { name: "read only", scopes: ["read"], expiresInDays: 7 } });
    expect(readOnly.body.scopes).toEqual(["read"]);
    for (let i = 0; i < 18; i++) expect((await call("POST", "/api/v1/me/tokens", { context: b.context, data: { name: `filler ${i}` } })).status).toBe(201);
    expect((await call("POST", "/api/v1/me/tokens", { context: b.context, data: { name: "one too many" } })).body.code).toBe("ACCESS_TOKEN_LIMIT_REACHED");
    // A read-only token reads, and may do nothing else.
    const readOnlyAuth = { authorization: `Bearer ${readOnly.body.token}` };
    expect((await call("GET", "/api/v1/wallet", { headers: readOnlyAuth })).status).toBe(200);
    const spend = { ...readOnlyAuth, "idempotency-key": randomUUID() };
    expect((await call("POST", "/api/v1/wallet/charges", { headers: spend, data: { amount: 1_000 } })).body.code).toBe("INSUFFICIENT_SCOPE");
    // The browser session's cookie rides along on a cross-site request; its Origin gives it away.
    const forged = await call("DELETE", "/api/v1/me/tokens/{tokenId}", { context: b.context, params: { tokenId: readOnly.body.id }, headers: { origin: "https://evil.example" } });
    expect(forged.body.code).toBe("CROSS_ORIGIN_REQUEST");

    // A password change keeps this session; wrong current passwords meet the sign-in backoff.
    const newPassword = "a-brand-new-secret-7";
    expect((await call("POST", "/api/v1/me/password", { context: a.context, data: { currentPassword: PASSWORD, newPassword } })).status).toBe(204);
    expect((await call("GET", "/api/v1/me/tokens", { context: a.context })).status).toBe(200);
    const guesses: string[] = [];
    for (let i = 0; i < 8 && !guesses.includes("RATE_LIMITED"); i++) {
      guesses.push((await call("POST", "/api/v1/me/password", { context: a.context, data: { currentPassword: `guess-number-${i}`, newPassword } })).body.code);
    }
    expect(guesses.slice(0, 5)).toEqual(Array(5).fill("VALIDATION_FAILED"));
    expect(guesses).toContain("RATE_LIMITED");

    const concerts = await call("GET", "/api/v1/concerts?limit=10");
    expect(concerts.body.items.length).toBeGreaterThanOrEqual(4);
    for (const c of concerts.body.items as { id: string; title: string }[]) ids[c.title] = c.id;
    expect((await call("GET", "/api/v1/concerts?limit=0")).body.code).toBe("VALIDATION_FAILED");
    expect((await call("GET", "/api/v1/health")).status).toBe(200);
    expect((await call("GET", "/api/v1/health/live")).status).toBe(200);
    expect((await call("GET", "/api/v1/openapi.json")).status).toBe(200);
    expect((await call("GET", "/api/cron/tick")).body.code).toBe("UNAUTHENTICATED");
    expect((await call("GET", "/api/cron/tick", { headers: { authorization: `Bearer ${process.env.E2E_CRON_SECRET}` } })).status).toBe(200);
  });

  test("waiting room", async () => {
    const arena = id("Stadium of Stars");
    const entered = await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: a.auth, params: { concertId: arena } });
    expect(entered.status).toBe(201);
    expect(["ACTIVE", "WAITING"]).toContain(entered.body.status);
    ids.queueA = entered.body.token;
    // Other tests shop at the arena too: its next admission step may be a moment away.
    await expect
      .poll(async () => (await call("GET", "/api/v1/queue/status", { headers: { ...a.auth, "x-queue-token": id("queueA") } })).body.status, { timeout: 15_000 })
      .toBe("ACTIVE");
    expect((await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: a.auth, params: { concertId: arena } })).status).toBe(200);
    expect((await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: a.auth, params: { concertId: randomUUID() } })).body.code).toBe("NOT_FOUND");
    expect((await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: a.auth, params: { concertId: "nope" } })).body.code).toBe("VALIDATION_FAILED");
    expect((await call("GET", "/api/v1/concerts/{concertId}/queue", { params: { concertId: arena } })).body.serving).toBeGreaterThan(0);
    expect((await call("GET", "/api/v1/queue/status", { headers: { ...a.auth, "x-queue-token": id("queueA") } })).body.status).toBe("ACTIVE");
    const following = await firstEvent("/api/v1/queue/events", {}, { ...a.auth, "x-queue-token": id("queueA") });
    expect(following.text).toMatch(/event: status\ndata: \{.*"status":"ACTIVE"/);
    following.close();
    expect((await call("GET", "/api/v1/queue/status", { headers: a.auth })).body.code).toBe("QUEUE_TOKEN_MISSING");
    expect((await call("GET", "/api/v1/queue/status", { headers: { ...a.auth, "x-queue-token": "not.a.token" } })).body.code).toBe("QUEUE_TOKEN_INVALID");
    expect((await call("GET", "/api/v1/queue/status", { headers: { ...b.auth, "x-queue-token": id("queueA") } })).body.code).toBe("QUEUE_TOKEN_NOT_YOURS");

    // B shops at the arena too; C waits behind B in a one-at-a-time line, then both leave.
    ids.queueB = (await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: b.auth, params: { concertId: arena } })).body.token;
    // B may have to wait a moment for the line's next admission step, like any client.
    await expect
      .poll(async () => (await call("GET", "/api/v1/queue/status", { headers: { ...b.auth, "x-queue-token": id("queueB") } })).body.status, { timeout: 15_000 })
      .toBe("ACTIVE");
    const club = id("Neon Riot Live");
    ids.clubB = (await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: b.auth, params: { concertId: club } })).body.token;
    const waiting = await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: c.auth, params: { concertId: club } });
    expect(waiting.body.status).toBe("WAITING");
    expect((await call("GET", "/api/v1/concerts/{concertId}/schedules", { headers: { ...c.auth, "x-queue-token": waiting.body.token }, params: { concertId: club } })).body.code).toBe("QUEUE_NOT_ACTIVE");
    expect((await call("GET", "/api/v1/concerts/{concertId}/schedules", { headers: { ...a.auth, "x-queue-token": id("queueA") }, params: { concertId: club } })).body.code).toBe("QUEUE_TOKEN_WRONG_CONCERT");
    expect((await call("DELETE", "/api/v1/queue", { headers: { ...c.auth, "x-queue-token": waiting.body.token } })).status).toBe(204);
    expect((await call("DELETE", "/api/v1/queue", { headers: { ...b.auth, "x-queue-token": id("clubB") } })).status).toBe(204);
  });

  test("booking", async () => {
    const arena = id("Stadium of Stars");
    const shopA = { ...a.auth, "x-queue-token": id("queueA") };
    const shopB = { ...b.auth, "x-queue-token": id("queueB") };
    const dates = await call("GET", "/api/v1/concerts/{concertId}/schedules", { headers: shopA, params: { concertId: arena } });
    ids.date = dates.body.items[0].id;
    const map = await call("GET", "/api/v1/schedules/{scheduleId}/seats", { headers: shopA, params: { scheduleId: id("date") } });
    const free = (map.body.seats as { id: string; status: string }[]).filter((s) => s.status === "AVAILABLE").map((s) => s.id);
    ids.seat = free[0]!;
    expect((await call("GET", "/api/v1/schedules/{scheduleId}/seats", { headers: shopA, params: { scheduleId: randomUUID() } })).body.code).toBe("NOT_FOUND");
    const statuses = await call("GET", "/api/v1/schedules/{scheduleId}/seats/status", { headers: shopA, params: { scheduleId: id("date") } });
    expect(statuses.body.statuses).toHaveLength(map.body.seats.length);
    // The same statuses, then each change, as a stream; a few at a time per account.
    const seatEvents = "/api/v1/schedules/{scheduleId}/seats/events";
    const streams = [];
    for (let i = 0; i < 6; i++) streams.push(await firstEvent(seatEvents, { scheduleId: id("date") }, shopA));
    expect(streams[0]!.text).toContain("event: snapshot");
    expect((await call("GET", seatEvents, { headers: shopA, params: { scheduleId: id("date") } })).body.code).toBe("TOO_MANY_STREAMS");
    for (const stream of streams) stream.close();
    expect((await call("GET", seatEvents, { headers: { ...shopA, "last-event-id": "soon" }, params: { scheduleId: id("date") } })).body.code).toBe("VALIDATION_FAILED");

    const hold = await call("POST", "/api/v1/holds", { headers: shopA, data: { scheduleId: id("date"), seatIds: [free[0], free[1]] } });
    expect(hold.status).toBe(201);
    ids.hold = hold.body.id;
    // A second hold is refused, naming the first, which is also listed: a lost answer is never a dead end.
    expect((await call("POST", "/api/v1/holds", { headers: shopA, data: { scheduleId: id("date"), seatIds: [free[2]] } })).body).toMatchObject({ code: "HOLD_EXISTS", holdId: id("hold") });
    expect((await call("GET", "/api/v1/me/holds", { headers: a.auth })).body.items.map((h: { id: string }) => h.id)).toEqual([id("hold")]);
    expect((await call("POST", "/api/v1/holds", { headers: shopB, data: { scheduleId: id("date"), seatIds: [free[1], free[3]] } })).body.code).toBe("SEAT_UNAVAILABLE");
    expect((await call("POST", "/api/v1/holds", { headers: shopB, data: { scheduleId: id("date"), seatIds: free.slice(3, 8) } })).body.code).toBe("VALIDATION_FAILED");
    expect((await call("GET", "/api/v1/holds/{holdId}", { headers: a.auth, params: { holdId: id("hold") } })).body.status).toBe("ACTIVE");
    expect((await call("GET", "/api/v1/holds/{holdId}", { headers: b.auth, params: { holdId: id("hold") } })).body.code).toBe("NOT_FOUND");
    // A changes the hold: keeps one seat, swaps the other; B cannot touch it, nor take a held seat with it.
    const changed = await call("PATCH", "/api/v1/holds/{holdId}", { headers: shopA, params: { holdId: id("hold") }, data: { seatIds: [free[0], free[2]] } });
    expect(changed.status).toBe(200);
    expect(changed.body.seats.map((s: { id: string }) => s.id).sort()).toEqual([free[0], free[2]].sort());
    expect(changed.body.expiresAt).toBe(hold.body.expiresAt);
    expect((await call("PATCH", "/api/v1/holds/{holdId}", { headers: shopB, params: { holdId: id("hold") }, data: { seatIds: [free[3]] } })).body.code).toBe("NOT_FOUND");

    // B holds and releases; paying for the released hold is refused.
    const released = await call("POST", "/api/v1/holds", { headers: shopB, data: { scheduleId: id("date"), seatIds: [free[4]] } });
    expect((await call("DELETE", "/api/v1/holds/{holdId}", { headers: b.auth, params: { holdId: released.body.id } })).status).toBe(204);
    const key = { "idempotency-key": randomUUID() };
    expect((await call("POST", "/api/v1/payments", { headers: { ...shopB, ...key }, data: { holdId: released.body.id } })).body.code).toBe("HOLD_CLOSED");

    // B lets the server pick: two seats side by side, no dearer than the R tier.
    const best = await call("POST", "/api/v1/holds/best-available", { headers: shopB, data: { scheduleId: id("date"), count: 2, maxPrice: 154_000 } });
    expect(best.status).toBe(201);
    expect(best.body.seats.every((s: { price: number }) => s.price <= 154_000)).toBe(true);
    expect((await call("POST", "/api/v1/holds/best-available", { headers: shopB, data: { scheduleId: id("date"), count: 9 } })).body.code).toBe("VALIDATION_FAILED");
    expect((await call("DELETE", "/api/v1/holds/{holdId}", { headers: b.auth, params: { holdId: best.body.id } })).status).toBe(204);
  });

  test("wallet and payments", async () => {
    const shopA = { ...a.auth, "x-queue-token": id("queueA") };
    expect((await call("GET", "/api/v1/wallet", { headers: a.auth })).body.balance).toBe(0);
    expect((await call("POST", "/api/v1/payments", { headers: { ...shopA, "idempotency-key": randomUUID() }, data: { holdId: id("hold") } })).body.code).toBe("INSUFFICIENT_BALANCE");
    expect((await call("POST", "/api/v1/payments", { headers: shopA, data: { holdId: id("hold") } })).body.code).toBe("IDEMPOTENCY_KEY_MISSING");

    const key = randomUUID();
    const charge = await call("POST", "/api/v1/wallet/charges", { headers: { ...a.auth, "idempotency-key": key }, data: { amount: 1_000_000 } });
    expect(charge.status).toBe(201);
    const replay = await call("POST", "/api/v1/wallet/charges", { headers: { ...a.auth, "idempotency-key": key }, data: { amount: 1_000_000 } });
    expect(replay.body).toEqual(charge.body);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect((await call("POST", "/api/v1/wallet/charges", { headers: { ...a.auth, "idempotency-key": key }, data: { amount: 5 } })).body.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((await call("POST", "/api/v1/wallet/charges", { headers: { ...a.auth, "idempotency-key": randomUUID() }, data: { amount: -1 } })).body.code).toBe("VALIDATION_FAILED");
    expect((await call("GET", "/api/v1/wallet/transactions", { headers: a.auth })).body.items).toHaveLength(1);

    const receipt = await call("POST", "/api/v1/payments", { headers: { ...shopA, "idempotency-key": randomUUID() }, data: { holdId: id("hold") } });
    expect(receipt.status).toBe(201);
    expect(receipt.body.tickets).toHaveLength(2);
    expect((await call("GET", "/api/v1/me/reservations", { headers: a.auth })).body.items).toHaveLength(2);
    const order = await call("GET", "/api/v1/me/orders/{orderNumber}", { headers: a.auth, params: { orderNumber: receipt.body.orderNumber } });
    expect(order.body).toMatchObject({ orderNumber: receipt.body.orderNumber, amount: receipt.body.amount, balanceAfter: receipt.body.balance });
    expect((await call("GET", "/api/v1/me/orders/{orderNumber}", { headers: b.auth, params: { orderNumber: receipt.body.orderNumber } })).body.code).toBe("NOT_FOUND");
  });

  test("an expired hold cannot be paid, and floods are rate limited", async () => {
    const shopB = { ...b.auth, "x-queue-token": id("queueB") };
    const map = await call("GET", "/api/v1/schedules/{scheduleId}/seats", { headers: shopB, params: { scheduleId: id("date") } });
    const seat = (map.body.seats as { id: string; status: string }[]).find((s) => s.status === "AVAILABLE")!.id;
    const hold = await call("POST", "/api/v1/holds", { headers: shopB, data: { scheduleId: id("date"), seatIds: [seat] } });
    await call("POST", "/api/v1/wallet/charges", { headers: { ...b.auth, "idempotency-key": randomUUID() }, data: { amount: 500_000 } });
    await new Promise((r) => setTimeout(r, 12_500)); // the e2e server's holds last 12 s
    expect((await call("POST", "/api/v1/payments", { headers: { ...shopB, "idempotency-key": randomUUID() }, data: { holdId: hold.body.id } })).body.code).toBe("HOLD_EXPIRED");

    let limited: { status: number; headers: Record<string, string> } | undefined;
    // Holds allow 30 a minute per person (× the e2e server's multiplier of 5); a window may
    // turn over once during the loop, so twice that, plus one, must see a 429.
    for (let i = 0; i < 2 * 30 * 5 + 1 && !limited; i++) {
      const attempt = await call("POST", "/api/v1/holds", { headers: shopB, data: { scheduleId: id("date"), seatIds: [seat] } });
      if (attempt.status === 429) limited = attempt;
    }
    expect(limited?.headers["retry-after"]).toMatch(/^\d+$/);
    await call("DELETE", "/api/v1/queue", { headers: shopB });
  });

  test("organizations, members and invitations", async () => {
    // With the browser session: the scenario tokens carry a fan's scopes only.
    const organizations = "/api/v1/organizer/organizations";
    const organization = `${organizations}/{orgId}`;
    const members = `${organization}/members`;
    const member = `${members}/{userId}`;
    const accept = "/api/v1/organizer/invites/accept";
    const made = await call("POST", organizations, { context: a.context, data: { name: "Scenario Live" } });
    expect(made.status).toBe(201);
    const orgId = made.body.id as string;
    expect((await call("GET", organizations, { context: a.context })).body.items).toEqual([made.body]);
    expect((await call("GET", organization, { context: a.context, params: { orgId } })).body.role).toBe("OWNER");
    expect((await call("GET", organization, { headers: a.auth, params: { orgId } })).body.code).toBe("INSUFFICIENT_SCOPE");
    // A fan is refused; a member of another organization is not told this one exists.
    expect((await call("GET", organization, { context: b.context, params: { orgId } })).body.code).toBe("ORGANIZER_REQUIRED");
    expect((await call("POST", organizations, { context: c.context, data: { name: "Elsewhere Live" } })).status).toBe(201);
    expect((await call("GET", members, { context: c.context, params: { orgId } })).body.code).toBe("NOT_FOUND");

    const invite = await call("POST", members, { context: a.context, params: { orgId }, data: { email: b.email, role: "STAFF" } });
    expect(invite.status).toBe(201);
    expect((await call("POST", accept, { context: c.context, data: { token: invite.body.token } })).body.code).toBe("INVITE_FOR_ANOTHER_EMAIL");
    expect((await call("POST", accept, { context: b.context, data: { token: invite.body.token } })).body).toEqual({ organizationId: orgId, role: "STAFF" });
    expect((await call("POST", members, { context: a.context, params: { orgId }, data: { email: b.email, role: "STAFF" } })).body.code).toBe("ALREADY_MEMBER");
    const listed = await call("GET", members, { context: b.context, params: { orgId } });
    const idOf = (email: string) => (listed.body.members as { userId: string; email: string }[]).find((m) => m.email === email)!.userId;
    expect((await call("POST", members, { context: b.context, params: { orgId }, data: { email: c.email, role: "STAFF" } })).body.code).toBe("ROLE_REQUIRED");

    expect((await call("PATCH", member, { context: a.context, params: { orgId, userId: idOf(a.email) }, data: { role: "MANAGER" } })).body.code).toBe("LAST_OWNER");
    expect((await call("PATCH", member, { context: a.context, params: { orgId, userId: idOf(b.email) }, data: { role: "MANAGER" } })).status).toBe(204);
    // Leaving is for good: the used invitation does not bring anyone back.
    expect((await call("DELETE", member, { context: b.context, params: { orgId, userId: idOf(b.email) } })).status).toBe(204);
    expect((await call("POST", accept, { context: b.context, data: { token: invite.body.token } })).body.code).toBe("INVITE_EXPIRED");

    // Venues: a layout document (here from a seat list), saved in versions.
    const rowOf = (row: string, numbers: number[]) => numbers.map((n) => `Floor,${row},${n},R`);
    const csv = ["section,row,seat,tier", ...rowOf("A", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), ...rowOf("B", [1, 2, 3, 5, 6, 7, 8, 9, 10, 11])].join("\n");
    const layout = (await call("POST", "/api/v1/organizer/layouts/csv", { context: a.context, data: { csv } })).body.layout;
    const venue = await call("POST", "/api/v1/organizer/venues", { context: a.context, data: { organizationId: orgId, name: "Scenario Hall", layout } });
    expect(venue.body).toMatchObject({ layoutVersion: 1, seatCount: 20 });
    const venueId = venue.body.id as string;
    expect((await call("GET", "/api/v1/organizer/venues?organizationId={orgId}", { context: a.context, params: { orgId } })).body.items).toHaveLength(1);
    expect((await call("GET", "/api/v1/organizer/venues/{venueId}", { context: a.context, params: { venueId } })).body.layout.sections[0].rows[1].skip).toEqual([4]);
    const wider = { sections: [{ ...layout.sections[0]!, rows: [...layout.sections[0]!.rows, { label: "C", seats: 12 }] }] };
    expect((await call("PATCH", "/api/v1/organizer/venues/{venueId}", { context: a.context, params: { venueId }, data: { layout: wider, layoutVersion: 1 } })).body.layoutVersion).toBe(2);
    const stale = await call("PATCH", "/api/v1/organizer/venues/{venueId}", { context: a.context, params: { venueId }, data: { layout, layoutVersion: 1 } });
    expect(stale.body.code).toBe("LAYOUT_VERSION_CONFLICT");
    Object.assign(ids, { orgId, venueId });
  });

  test("concerts: draft, publish, a price locked by a hold, a ticket limit, the dashboard, the line, sales, cancel", async () => {
    const concerts = "/api/v1/organizer/concerts";
    const concert = `${concerts}/{concertId}`;
    const tiers = [{ name: "R", price: 99_000, colour: "#2563eb" }];
    const settings = { activeLimit: 50, admitPerTick: 50, maxTicketsPerAccount: 1 };
    const draft = await call("POST", concerts, { context: a.context, data: { organizationId: id("orgId"), venueId: id("venueId"), title: "Scenario Night", artist: "The Testers", tiers, settings } });
    expect(draft.body.status).toBe("DRAFT");
    const concertId = draft.body.id as string;
    expect((await call("GET", `${concerts}?organizationId={orgId}`, { context: a.context, params: { orgId: id("orgId") } })).body.items[0].id).toBe(concertId);
    // Row C of the venue's newest layout has no tier, and there is no date yet.
    const incomplete = await call("POST", `${concert}/publish`, { context: a.context, params: { concertId } });
    expect(incomplete.body).toMatchObject({ code: "PUBLISH_INCOMPLETE", errors: [{ field: "tierAssignments.Floor" }, { field: "schedules" }] });
    expect((await call("PATCH", concert, { context: a.context, params: { concertId }, data: { tierAssignments: { Floor: "R" } } })).body.publishProblems).toHaveLength(1);
    const day = 86_400_000;
    const dated = await call("POST", `${concert}/schedules`, { context: a.context, params: { concertId }, data: { startsAt: new Date(Date.now() + 20 * day).toISOString(), salesOpenAt: new Date(Date.now() - day).toISOString() } });
    expect(dated.status).toBe(201);
    const published = await call("POST", `${concert}/publish`, { context: a.context, params: { concertId } });
    expect(published.body.schedules[0]).toMatchObject({ layoutVersion: 2, seats: 32 });
    expect((await call("POST", `${concert}/publish`, { context: a.context, params: { concertId } })).body.code).toBe("CONCERT_STATUS");
    expect((await call("GET", concert, { context: a.context, params: { concertId } })).body.status).toBe("PUBLISHED");

    // C shops: one ticket per account, so two seats are refused; one seat locks the tier's price.
    const entered = await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: c.auth, params: { concertId } });
    const shopC = { ...c.auth, "x-queue-token": entered.body.token };
    await expect.poll(async () => (await call("GET", "/api/v1/queue/status", { headers: shopC })).body.status, { timeout: 15_000 }).toBe("ACTIVE");
    const map = await call("GET", "/api/v1/schedules/{scheduleId}/seats", { headers: shopC, params: { scheduleId: dated.body.schedules[0].id } });
    const seatIds = (map.body.seats as { id: string }[]).map((seat) => seat.id);
    expect((await call("POST", "/api/v1/holds", { headers: shopC, data: { scheduleId: map.body.scheduleId, seatIds: seatIds.slice(0, 2) } })).body.code).toBe("TICKET_LIMIT");
    expect((await call("POST", "/api/v1/holds", { headers: shopC, data: { scheduleId: map.body.scheduleId, seatIds: seatIds.slice(0, 1) } })).status).toBe(201);
    const locked = await call("PATCH", concert, { context: a.context, params: { concertId }, data: { tiers: [{ ...tiers[0], price: 109_000 }] } });
    expect(locked.body.code).toBe("PRICE_LOCKED");

    // The organizer watches the sale and steers the line.
    const dashboard = await call("GET", `${concert}/dashboard`, { context: a.context, params: { concertId } });
    expect(dashboard.body).toMatchObject({ status: "PUBLISHED", holdsLive: 1, queue: { paused: false } });
    const session = { cookie: (await a.context.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
    const live = await firstEvent(`${concert}/dashboard/events`, { concertId }, session);
    expect(live.text).toMatch(/event: dashboard\ndata: \{.*"holdsLive":1/);
    live.close();
    expect((await call("PATCH", `${concert}/queue`, { context: a.context, params: { concertId }, data: { activeLimit: 60 } })).body.activeLimit).toBe(60);
    expect((await call("POST", `${concert}/queue/pause`, { context: a.context, params: { concertId } })).body.paused).toBe(true);
    expect((await call("POST", `${concert}/queue/resume`, { context: a.context, params: { concertId } })).body.paused).toBe(false);
    expect((await call("GET", `${concert}/sales`, { context: a.context, params: { concertId } })).body).toEqual({ items: [], nextCursor: null });
    const csv = await call("GET", `${concert}/sales.csv`, { context: a.context, params: { concertId } });
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.body).toContain("order,paid_at,buyer_name");

    expect((await call("POST", `${concert}/cancel`, { context: a.context, params: { concertId } })).body.status).toBe("CANCELLED");
    expect((await call("POST", `${concert}/cancel`, { context: a.context, params: { concertId } })).body.code).toBe("CONCERT_STATUS");
    expect((await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: b.auth, params: { concertId } })).body.code).toBe("CONCERT_STATUS");
  });

  test("the fair on-sale: a commitment, a countdown, the account age and the bot challenge", async () => {
    const concerts = "/api/v1/organizer/concerts";
    const concert = `${concerts}/{concertId}`;
    const hour = 3_600_000;
    const onSale = { preQueueOpensAt: new Date(Date.now() + hour).toISOString(), salesOpenAt: new Date(Date.now() + 2 * hour).toISOString() };
    const draft = await call("POST", concerts, {
      context: a.context,
      data: { organizationId: id("orgId"), venueId: id("venueId"), title: "Scenario Presale", artist: "The Testers", tiers: [{ name: "R", price: 50_000, colour: "#2563eb" }], tierAssignments: { Floor: "R" }, settings: onSale },
    });
    const concertId = draft.body.id as string;
    await call("POST", `${concert}/schedules`, { context: a.context, params: { concertId }, data: { startsAt: new Date(Date.now() + 480 * hour).toISOString(), salesOpenAt: new Date(Date.now() - hour).toISOString() } });
    expect((await call("POST", `${concert}/publish`, { context: a.context, params: { concertId } })).body.status).toBe("PUBLISHED");

    // Before the pre-queue opens: the draw's commitment is public, and the line counts down.
    const committed = await call("GET", "/api/v1/concerts/{concertId}/queue/draw", { params: { concertId } });
    expect(committed.body).toMatchObject({ seed: null, entryIds: null, commitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const early = await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: c.auth, params: { concertId } });
    expect(early.body).toMatchObject({ code: "QUEUE_NOT_OPEN", opensAt: onSale.preQueueOpensAt });

    // Without a pre-queue there is no draw; a minimum account age turns new accounts away.
    const change = (settings: object) => call("PATCH", concert, { context: a.context, params: { concertId }, data: { settings } });
    expect((await change({ preQueueOpensAt: null, salesOpenAt: null, minAccountAgeDays: 30 })).body.settings.minAccountAgeDays).toBe(30);
    expect((await call("GET", "/api/v1/concerts/{concertId}/queue/draw", { params: { concertId } })).body.code).toBe("NOT_FOUND");
    expect((await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: c.auth, params: { concertId } })).body).toMatchObject({ code: "ACCOUNT_TOO_NEW", minAccountAgeDays: "30" });

    // A bot challenge: none asked, then asked and solved once.
    const challenge = () => call("GET", "/api/v1/concerts/{concertId}/queue/challenge", { headers: c.auth, params: { concertId } });
    expect((await change({ minAccountAgeDays: 0 })).status).toBe(200);
    expect((await challenge()).body.code).toBe("NOT_FOUND");
    await change({ challengeDifficulty: 20_000 });
    expect((await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: c.auth, params: { concertId } })).body.code).toBe("CHALLENGE_REQUIRED");
    const given = (await challenge()).body;
    const solution = await solveChallenge(given.challenge, given.salt, given.algorithm, given.maxnumber).promise;
    const solved = Buffer.from(JSON.stringify({ ...given, number: solution!.number })).toString("base64");
    expect((await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: { ...c.auth, "x-entry-challenge": solved }, params: { concertId } })).status).toBe(201);
    expect((await call("POST", "/api/v1/concerts/{concertId}/queue", { headers: { ...c.auth, "x-entry-challenge": solved }, params: { concertId } })).body.code).toBe("CHALLENGE_REQUIRED");
    expect((await call("POST", `${concert}/cancel`, { context: a.context, params: { concertId } })).body.status).toBe("CANCELLED");
  });

  test("webhooks: an endpoint, a test message and its log, a redelivery, a rotation, the limit", async () => {
    const receiver = await startReceiver([204]);
    try {
      const hooks = "/api/v1/me/webhooks";
      const one = `${hooks}/{webhookId}`;
      const made = await call("POST", hooks, { context: c.context, data: { url: receiver.url, description: "orders", eventTypes: ["payment.completed"] } });
      expect(made.body.secret).toMatch(/^whsec_/);
      const params = { webhookId: made.body.id };
      expect((await call("POST", hooks, { context: c.context, data: { url: "https://10.0.0.1/x", eventTypes: ["payment.completed"] } })).body.code).toBe("VALIDATION_FAILED");
      expect((await call("GET", hooks, { context: c.context })).body.items).toHaveLength(1);
      expect((await call("GET", one, { context: c.context, params })).body.eventTypes).toEqual(["payment.completed"]);
      expect((await call("GET", one, { context: a.context, params })).body.code).toBe("NOT_FOUND");
      expect((await call("PATCH", one, { context: c.context, params, data: { eventTypes: ["payment.completed", "wallet.charged"] } })).body.eventTypes).toHaveLength(2);
      const test = await call("POST", `${one}/test`, { context: c.context, params });
      expect(test.body).toMatchObject({ type: "webhook.test", status: "PENDING" });
      expect((await call("GET", `${one}/deliveries`, { context: c.context, params })).body.items[0].id).toBe(test.body.id);
      const again = await call("POST", `${one}/deliveries/{deliveryId}/redeliver`, { context: c.context, params: { ...params, deliveryId: test.body.id } });
      expect(again.body.status).toBe("PENDING");
      expect((await call("POST", `${one}/rotate-secret`, { context: c.context, params })).body.secret).not.toBe(made.body.secret);
      for (let i = 1; i < 10; i++) expect((await call("POST", hooks, { context: c.context, data: { url: receiver.url, eventTypes: ["wallet.charged"] } })).status).toBe(201);
      expect((await call("POST", hooks, { context: c.context, data: { url: receiver.url, eventTypes: ["wallet.charged"] } })).body.code).toBe("WEBHOOK_LIMIT_REACHED");
      for (const { id: webhookId } of (await call("GET", hooks, { context: c.context })).body.items as { id: string }[]) {
        expect((await call("DELETE", one, { context: c.context, params: { webhookId } })).status).toBe(204);
      }
    } finally {
      await receiver.close();
    }
  });

  test("every operation was shown working, and every error code a client can cause was seen", () => {
    const allCodes = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const marks = seen.get(`${method} ${path}`);
        expect([...(marks ?? [])].some((m) => /^2\d\d$/.test(m)), `${method} ${path} succeeded`).toBe(true);
        for (const response of Object.values(operation.responses)) for (const code of response["x-error-codes"] ?? []) allCodes.add(code);
      }
    }
    const provoked = new Set([...seen.values()].flatMap((m) => [...m]));
    expect([...allCodes].filter((code) => !UNPROVOKABLE.has(code) && !provoked.has(code))).toEqual([]);
  });
});

test("unknown paths, wrong methods and TRACE answer problem+json; every answer carries the security headers", async ({ request }) => {
  async function expectProblem(response: APIResponse, status: number, code: string) {
    expect(response.status()).toBe(status);
    expect(response.headers()["content-type"]).toBe("application/problem+json");
    expect((await response.json()).code).toBe(code);
  }
  const unknown = await request.get("/api/v1/nothing-here");
  await expectProblem(unknown, 404, "NOT_FOUND");
  await expectProblem(await request.post("/api/v1/holds/extra/segments"), 404, "NOT_FOUND");

  const wrongMethod = await request.put("/api/v1/wallet");
  await expectProblem(wrongMethod, 405, "METHOD_NOT_ALLOWED");
  expect(wrongMethod.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  const noGet = await request.get("/api/v1/payments");
  await expectProblem(noGet, 405, "METHOD_NOT_ALLOWED");
  expect(noGet.headers()["allow"]).toBe("OPTIONS, POST");
  // Next itself cannot represent a TRACE request (it used to answer 500).
  await expectProblem(await request.fetch("/api/v1/wallet", { method: "TRACE" }), 405, "METHOD_NOT_ALLOWED");

  for (const response of [unknown, wrongMethod, await request.get("/api/v1/concerts"), await request.get("/signin")]) {
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toMatch(/^max-age=\d+/); // the e2e server is a production build
  }
});
