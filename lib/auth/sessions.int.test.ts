import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { GET as getWallet } from "@/app/api/v1/wallet/route";
import { POST as changePasswordRoute } from "@/app/api/v1/me/password/route";
import { db } from "@/lib/db";
import { EndedSessions, IDENTITY_CACHE_MS, startSession } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { call, createTestUser, STRONG_PASSWORD } from "@/tests/helpers";
import { pageSession, sessionHeaders, signInWithPassword, signOut } from "@/tests/next-auth";

const wallet = (sessionToken: string) => call(getWallet, { path: "/api/v1/wallet", headers: sessionHeaders(sessionToken) });
const NEW_PASSWORD = "a-brand-new-secret-7";

async function signedIn(email: string, password = STRONG_PASSWORD) {
  const { sessionToken, error } = await signInWithPassword(email, password);
  expect(error).toBeNull();
  return sessionToken!;
}

describe("browser sessions end server-side", () => {
  it("signing out ends the session: a copy of the old cookie no longer works for the API or pages", async () => {
    const user = await createTestUser("signout");
    const cookie = await signedIn(user.email);
    expect((await wallet(cookie)).status).toBe(200);
    expect((await pageSession(cookie))?.user.id).toBe(user.id);

    await signOut(cookie);
    const after = await wallet(cookie);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe("UNAUTHENTICATED");
    expect(await pageSession(cookie)).toBeNull();
  });

  it("a session ended by another instance stops counting here within IDENTITY_CACHE_MS", async () => {
    const user = await createTestUser("elsewhere");
    const cookie = await signedIn(user.email);
    expect((await wallet(cookie)).status).toBe(200);
    // Signed out on another instance: only the row changes, this instance's copy does not.
    await db.session.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    expect((await wallet(cookie)).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + IDENTITY_CACHE_MS);
      expect((await wallet(cookie)).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it("signing out here a session already ended elsewhere counts here at once", async () => {
    const user = await createTestUser("twice");
    const cookie = await signedIn(user.email);
    expect((await wallet(cookie)).status).toBe(200);
    await db.session.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    await signOut(cookie);
    expect((await wallet(cookie)).status).toBe(401);
  });

  it("a session counts until the end its cookie carries, however live its row", async () => {
    const user = await createTestUser("ended");
    const session = await startSession(user.id);
    const cookie = (sexp: number) => encode({ token: { sub: user.id, email: user.email, name: user.name, sid: session.sid, sexp }, secret: env().AUTH_SECRET });
    expect((await wallet(await cookie(session.sexp))).status).toBe(200);
    expect((await wallet(await cookie(Math.floor(Date.now() / 1000) - 1))).status).toBe(401);
  });

  it("a cookie issued before cookies carried the session's end works from its row, until signed out", async () => {
    const user = await createTestUser("no-sexp");
    const { sid } = await startSession(user.id);
    const older = await encode({ token: { sub: user.id, email: user.email, name: user.name, sid }, secret: env().AUTH_SECRET });
    expect((await wallet(older)).status).toBe(200);
    await signOut(older);
    expect((await wallet(older)).status).toBe(401);
  });

  it("an instance that starts late still knows every session signed out before it and not yet past its end", async () => {
    const user = await createTestUser("late");
    const [early, live] = [await startSession(user.id), await startSession(user.id)];
    await db.session.update({ where: { id: early.sid }, data: { revokedAt: new Date(Date.now() - 3_600_000) } });
    const instance = new EndedSessions();
    expect(await instance.includes(early.sid, Date.now())).toBe(true);
    expect(await instance.includes(live.sid, Date.now())).toBe(false);
    // Signed out on yet another instance: heard of at the next look, not before.
    await db.session.update({ where: { id: live.sid }, data: { revokedAt: new Date() } });
    expect(await instance.includes(live.sid, Date.now())).toBe(false);
    expect(await instance.includes(live.sid, Date.now() + IDENTITY_CACHE_MS)).toBe(true);
  });

  it("a cookie without a server-side session (issued before sessions existed) counts as signed out", async () => {
    const user = await createTestUser("legacy");
    const legacy = await encode({ token: { sub: user.id, email: user.email, name: user.name }, secret: env().AUTH_SECRET });
    expect((await wallet(legacy)).status).toBe(401);
    expect(await pageSession(legacy)).toBeNull();
  });

  it("changing the password ends every other session, keeps this one, and only the new password signs in", async () => {
    const user = await createTestUser("rotate");
    const [here, elsewhere] = [await signedIn(user.email), await signedIn(user.email)];
    const change = (body: unknown, cookie = here) =>
      call(changePasswordRoute, { method: "POST", path: "/api/v1/me/password", headers: sessionHeaders(cookie), body });

    const wrong = await change({ currentPassword: "not-it-at-all-1", newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: "currentPassword", message: "is not your current password" }]);
    expect((await change({ currentPassword: STRONG_PASSWORD, newPassword: "short" })).body.errors[0].field).toBe("newPassword");

    expect((await change({ currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await wallet(here)).status).toBe(200);
    expect((await wallet(elsewhere)).status).toBe(401);
    expect(await pageSession(elsewhere)).toBeNull();
    expect((await signInWithPassword(user.email, STRONG_PASSWORD)).error).toBe("CredentialsSignin");
    await signedIn(user.email, NEW_PASSWORD);
  });

  it("a personal access token cannot change the password", async () => {
    const user = await createTestUser("token-pw");
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    const response = await call(changePasswordRoute, {
      method: "POST",
      path: "/api/v1/me/password",
      headers: user.auth,
      body: { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(response.body.code).toBe("SESSION_REQUIRED");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).toEqual(before);
  });
});
