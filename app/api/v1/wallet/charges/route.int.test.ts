import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { GET as TRANSACTIONS } from "@/app/api/v1/wallet/transactions/route";
import { GET as WALLET } from "@/app/api/v1/wallet/route";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { db } from "@/lib/db";
import { rateLimitKey } from "@/lib/rate-limit/enforce-rate-limit";
import { createAccessTokenBody } from "@/lib/schemas/access-tokens";
import { MAX_BALANCE, MAX_CHARGE } from "@/lib/wallet/policy";
import { call, createTestUser } from "@/tests/helpers";
import { POST } from "./route";

const charge = (auth: Record<string, string>, amount: unknown, key: string | null = randomUUID()) =>
  call(POST, { method: "POST", headers: { ...auth, ...(key ? { "idempotency-key": key } : {}) }, body: { amount } });

async function ledgerSum(userId: string) {
  return (await db.ledgerEntry.aggregate({ where: { userId }, _sum: { amount: true } }))._sum.amount ?? 0;
}

describe("wallet charges", () => {
  it("adds the amount, writes one ledger row, and shows both", async () => {
    const user = await createTestUser();
    const response = await charge(user.auth, 50_000);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ balance: 50_000, transaction: { kind: "CHARGE", amount: 50_000, balanceAfter: 50_000 } });
    expect((await call(WALLET, { headers: user.auth })).body).toEqual({ balance: 50_000, limits: { perCharge: MAX_CHARGE, maxBalance: MAX_BALANCE } });
    expect((await call(TRANSACTIONS, { headers: user.auth })).body).toEqual({ items: [response.body.transaction], nextCursor: null });
  });

  it("adds 100 racing charges of 1,000 exactly: +100,000, equal to the ledger sum", async () => {
    const user = await createTestUser();
    const responses = await Promise.all(Array.from({ length: 100 }, () => charge(user.auth, 1_000)));
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const wallet = await db.wallet.findUniqueOrThrow({ where: { userId: user.id } });
    expect(wallet.balance).toBe(100_000);
    expect(await ledgerSum(user.id)).toBe(100_000);
    expect(new Set(responses.map((r) => r.body.balance)).size).toBe(100);
  });

  it("charges once for 10 racing requests with one Idempotency-Key, and replays the first answer", async () => {
    const user = await createTestUser();
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 10 }, () => charge(user.auth, 7_000, key)));
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(responses.every((r) => r.status === 201 || (r.status === 409 && r.body.code === "IDEMPOTENCY_IN_PROGRESS"))).toBe(true);
    expect(new Set(created.map((r) => r.body.transaction.id)).size).toBe(1);
    expect((await db.wallet.findUniqueOrThrow({ where: { userId: user.id } })).balance).toBe(7_000);
    const later = await charge(user.auth, 7_000, key);
    expect(later.status).toBe(201);
    expect(later.headers.get("idempotent-replayed")).toBe("true");
    expect(later.body).toEqual(created[0]!.body);
    expect(await db.ledgerEntry.count({ where: { userId: user.id } })).toBe(1);
  });

  it("answers a retry with its stored answer even once the account is past its limit; a new charge gets 429", async () => {
    const user = await createTestUser();
    const key = randomUUID();
    const first = await charge(user.auth, 3_000, key);
    expect(first.status).toBe(201);
    // Past the per-account limit for the rest of this window.
    await db.rateLimitCounter.updateMany({ where: { key: rateLimitKey("charges", "user", user.id) }, data: { count: 1_000_000 } });
    const retry = await charge(user.auth, 3_000, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    const fresh = await charge(user.auth, 3_000);
    expect(fresh.status).toBe(429);
    expect(fresh.body.code).toBe("RATE_LIMITED");
    expect((await db.wallet.findUniqueOrThrow({ where: { userId: user.id } })).balance).toBe(3_000);
  });

  it("answers every one of 10 racing retries of a completed charge with its stored answer", async () => {
    const user = await createTestUser();
    const key = randomUUID();
    const first = await charge(user.auth, 4_000, key);
    expect(first.status).toBe(201);
    const retries = await Promise.all(Array.from({ length: 10 }, () => charge(user.auth, 4_000, key)));
    expect(retries.map((r) => [r.status, r.headers.get("idempotent-replayed")])).toEqual(Array(10).fill([201, "true"]));
    expect((await db.wallet.findUniqueOrThrow({ where: { userId: user.id } })).balance).toBe(4_000);
  });

  it("answers 422 for a used key with a different body, and 400 without a key", async () => {
    const user = await createTestUser();
    const key = randomUUID();
    expect((await charge(user.auth, 1_000, key)).status).toBe(201);
    const reused = await charge(user.auth, 2_000, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe("IDEMPOTENCY_KEY_REUSED");
    const missing = await charge(user.auth, 1_000, null);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: "IDEMPOTENCY_KEY_MISSING", errors: [{ field: "Idempotency-Key" }] });
    expect((await db.wallet.findUniqueOrThrow({ where: { userId: user.id } })).balance).toBe(1_000);
  });

  it.each([
    [0, "must be more than 0"],
    [-5, "must be more than 0"],
    [10.5, "must be a whole number of won"],
    ["1000", "must be a whole number of won"],
    [MAX_CHARGE + 1, `must be at most ${MAX_CHARGE.toLocaleString("en")} per charge`],
  ])("refuses amount %s with a 400 naming the field", async (amount, message) => {
    const user = await createTestUser();
    const response = await charge(user.auth, amount);
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual({ field: "amount", message });
    expect(await db.ledgerEntry.count({ where: { userId: user.id } })).toBe(0);
  });

  it("never lets racing charges take a balance over the cap, and frees a failed request's key", async () => {
    const user = await createTestUser();
    await Promise.all(Array.from({ length: 4 }, () => charge(user.auth, MAX_CHARGE)));
    const racing = await Promise.all(Array.from({ length: 6 }, () => charge(user.auth, 600_000)));
    expect(racing.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = racing.find((r) => r.status === 400)!;
    expect(refused.body.errors[0]).toEqual({ field: "amount", message: "would take your balance over the wallet limit of ₩5,000,000: you can add up to ₩400,000 now" });
    const wallet = await db.wallet.findUniqueOrThrow({ where: { userId: user.id } });
    expect(wallet.balance).toBe(4 * MAX_CHARGE + 600_000);
    expect(await ledgerSum(user.id)).toBe(wallet.balance);
    expect(await db.idempotencyRecord.count({ where: { userId: user.id } })).toBe(5);
  });

  it("pages the ledger newest first without gaps or repeats", async () => {
    const user = await createTestUser();
    for (let i = 1; i <= 7; i++) await charge(user.auth, i * 1_000);
    const amounts: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(TRANSACTIONS, { path: `/?limit=3${cursor ? `&cursor=${cursor}` : ""}`, headers: user.auth });
      amounts.push(...page.body.items.map((t: { amount: number }) => t.amount));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(amounts).toEqual([7_000, 6_000, 5_000, 4_000, 3_000, 2_000, 1_000]);
  });
});

describe("an Idempotency-Key whose request never committed", () => {
  // What a crashed app process or a dropped database connection looks like from PostgreSQL:
  // a session in the middle of the request's transaction, then gone.
  async function requestInFlight(userId: string, key: string) {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    await client.query("BEGIN");
    await client.query("SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0))", [`${userId}:wallet.charge:${key}`]);
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    return { client, pid: rows[0]!.pid };
  }

  it("answers 409 with Retry-After while its twin runs, and nothing is left once that twin dies", async () => {
    const user = await createTestUser();
    const key = randomUUID();
    const { client, pid } = await requestInFlight(user.id, key);
    client.on("error", () => {}); // the kill below is expected
    const busy = await charge(user.auth, 5_000, key);
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe("IDEMPOTENCY_IN_PROGRESS");
    expect(busy.headers.get("retry-after")).toBe("1");

    await db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
    await client.end().catch(() => {});
    // No IN_PROGRESS row outlives it: the retry runs at once, and once only.
    const retried = await charge(user.auth, 5_000, key);
    expect(retried.status).toBe(201);
    expect(retried.body.balance).toBe(5_000);
    expect((await charge(user.auth, 5_000, key)).headers.get("idempotent-replayed")).toBe("true");
    expect(await db.idempotencyRecord.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("access token scopes", () => {
  it("lets a read-only token read the wallet but not top it up (403 INSUFFICIENT_SCOPE, nothing charged)", async () => {
    const user = await createTestUser();
    const { token } = await createAccessToken(user.id, createAccessTokenBody.parse({ name: "read only", scopes: ["read"] }));
    const readOnly = { authorization: `Bearer ${token}` };
    expect((await call(WALLET, { headers: readOnly })).status).toBe(200);
    const refused = await charge(readOnly, 1_000);
    expect(refused).toMatchObject({ status: 403, body: { code: "INSUFFICIENT_SCOPE" } });
    expect((await db.wallet.findUniqueOrThrow({ where: { userId: user.id } })).balance).toBe(0);
    // The same person with a token that has the scope may.
    expect((await charge(user.auth, 1_000)).status).toBe(201);
  });
});
