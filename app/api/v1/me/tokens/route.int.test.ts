import { describe, expect, it, vi } from "vitest";
import { GET as getWallet } from "@/app/api/v1/wallet/route";
import { MAX_LIVE_TOKENS } from "@/lib/auth/access-tokens";
import { IDENTITY_CACHE_MS } from "@/lib/auth/sessions";
import { resolveIdentity } from "@/lib/auth/identity";
import { db } from "@/lib/db";
import { call, createTestUser } from "@/tests/helpers";
import { sessionFor } from "@/tests/next-auth";
import { NextRequest } from "next/server";
import { GET, POST } from "./route";
import { DELETE as revoke } from "./[tokenId]/route";

const DAY_MS = 24 * 60 * 60 * 1000;

async function account(label: string) {
  const user = await createTestUser(label);
  const { headers } = await sessionFor(user);
  return {
    user,
    revoke: (tokenId: string) => call(revoke, { method: "DELETE", path: `/api/v1/me/tokens/${tokenId}`, headers, params: { tokenId } }),
    create: (body: unknown) => call(POST, { method: "POST", path: "/api/v1/me/tokens", headers, body }),
    list: (query = "") => call(GET, { path: `/api/v1/me/tokens${query}`, headers }),
  };
}

const identityOf = (token: string) => resolveIdentity(new NextRequest("http://localhost/", { headers: { authorization: `Bearer ${token}` } }));

describe("personal access tokens: scopes and expiry", () => {
  it("are chosen at creation, listed, and carried by the token's identity", async () => {
    const { create, list } = await account("scoped");
    const made = await create({ name: "dashboard", scopes: ["read"], expiresInDays: 7 });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: "dashboard", scopes: ["read"] });
    expect(Math.abs(Date.parse(made.body.expiresAt) - (Date.now() + 7 * DAY_MS))).toBeLessThan(60_000);
    expect((await list()).body.items[0]).toMatchObject({ id: made.body.id, scopes: ["read"], expiresAt: made.body.expiresAt });
    expect(await identityOf(made.body.token)).toMatchObject({ via: "token", scopes: ["read"] });

    // Stored in one order; without a choice: a fan's scopes (not organizer), for 30 days.
    const full = await create({ name: "script", scopes: ["payments", "read", "booking"] });
    expect(full.body.scopes).toEqual(["read", "booking", "payments"]);
    const fallback = await create({ name: "defaults" });
    expect(fallback.body.scopes).toEqual(["read", "booking", "payments"]);
    expect(Math.abs(Date.parse(fallback.body.expiresAt) - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000);
  });

  it("refuses no scopes, unknown scopes, lifetimes off the list and unstorable names, naming each field", async () => {
    const { create } = await account("picky");
    const bad = await create({ name: "x\u0000", scopes: [], expiresInDays: 1000 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["expiresInDays", "name", "scopes"]);
    expect((await create({ name: "x", scopes: ["admin"] })).body.errors[0].field).toMatch(/^scopes/);
    expect((await create({ name: "x", expiresInDays: "never" })).status).toBe(400);
  });

  it("a token revoked here stops working at once, even right after a use", async () => {
    const { create, revoke: revokeToken } = await account("revoking");
    const made = await create({ name: "short-lived" });
    const auth = { authorization: `Bearer ${made.body.token}` };
    expect((await call(getWallet, { path: "/api/v1/wallet", headers: auth })).status).toBe(200);
    expect((await revokeToken(made.body.id)).status).toBe(204);
    const refused = await call(getWallet, { path: "/api/v1/wallet", headers: auth });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe("INVALID_ACCESS_TOKEN");
  });

  it("an expired token is refused like a revoked one, and drops off the list", async () => {
    const { create, list } = await account("expiring");
    const made = await create({ name: "old", expiresInDays: 7 });
    const auth = { authorization: `Bearer ${made.body.token}` };
    expect((await call(getWallet, { path: "/api/v1/wallet", headers: auth })).status).toBe(200);
    // Ended behind this instance's back (as by another instance): it trusts its last look
    // for at most IDENTITY_CACHE_MS, then asks again.
    await db.accessToken.update({ where: { id: made.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + IDENTITY_CACHE_MS);
      const refused = await call(getWallet, { path: "/api/v1/wallet", headers: auth });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe("INVALID_ACCESS_TOKEN");
    } finally {
      vi.useRealTimers();
    }
    expect((await list()).body.items.map((t: { id: string }) => t.id)).not.toContain(made.body.id);
  });

  it(`caps live tokens at ${MAX_LIVE_TOKENS}, even when creations race`, async () => {
    const { create } = await account("capped");
    // createTestUser already made one.
    const answers = await Promise.all(Array.from({ length: MAX_LIVE_TOKENS + 5 }, (_, i) => create({ name: `racer ${i}` })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(MAX_LIVE_TOKENS - 1);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(6);
    expect(refused[0]!.body.code).toBe("ACCESS_TOKEN_LIMIT_REACHED");
  });

  it("lists live tokens page by page, newest first, without gaps or repeats", async () => {
    const { create, list } = await account("paged");
    for (let i = 0; i < 11; i++) await create({ name: `t${i}` });
    const first = await list("?limit=5");
    const second = await list(`?limit=5&cursor=${first.body.nextCursor}`);
    const third = await list(`?limit=5&cursor=${second.body.nextCursor}`);
    expect(third.body.nextCursor).toBeNull();
    const names = [...first.body.items, ...second.body.items, ...third.body.items].map((t: { name: string }) => t.name);
    expect(names).toEqual([...Array.from({ length: 11 }, (_, i) => `t${10 - i}`), "tests"]);
  });
});
