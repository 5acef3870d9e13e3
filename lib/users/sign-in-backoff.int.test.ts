import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { RateLimitedError } from "@/lib/rate-limit/enforce-rate-limit";
import { createTestUser, STRONG_PASSWORD } from "@/tests/helpers";
import { signInWithPassword } from "@/tests/next-auth";
import { FREE_ATTEMPTS, MAX_BACKOFF_SECONDS } from "./sign-in-backoff";
import { verifyCredentials } from "./verify-credentials";

const WRONG = "not-the-password-1";
const backoff = (userId: string) => db.user.findUniqueOrThrow({ where: { id: userId }, select: { signInFailures: true, signInRetryAt: true } });
/** As if the wait had passed. */
const waitOut = (userId: string) => db.user.update({ where: { id: userId }, data: { signInRetryAt: new Date(Date.now() - 1000) } });
const secondsUntil = (at: Date | null) => Math.round(((at?.getTime() ?? 0) - Date.now()) / 1000);

describe("per-account sign-in backoff", () => {
  it(`allows ${FREE_ATTEMPTS} failures, then makes each further check wait 2^(n-${FREE_ATTEMPTS}) s, even with the right password`, async () => {
    const user = await createTestUser("backoff");
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await signInWithPassword(user.email, WRONG)).error).toBe("CredentialsSignin");
    const afterFree = await backoff(user.id);
    expect(afterFree.signInFailures).toBe(FREE_ATTEMPTS);
    expect(secondsUntil(afterFree.signInRetryAt)).toBeLessThanOrEqual(1);

    // Four failures later (as if waited out each time), the next check waits 2^5 s.
    await db.user.update({ where: { id: user.id }, data: { signInFailures: FREE_ATTEMPTS + 4, signInRetryAt: new Date(Date.now() - 1000) } });
    expect((await signInWithPassword(user.email, WRONG)).error).toBe("CredentialsSignin");
    expect(secondsUntil((await backoff(user.id)).signInRetryAt)).toBeGreaterThanOrEqual(30);
    expect(secondsUntil((await backoff(user.id)).signInRetryAt)).toBeLessThanOrEqual(32);
    // The form shows its "wait" message for errors starting "Too many".
    expect((await signInWithPassword(user.email, STRONG_PASSWORD)).error).toBe("Too many attempts");

    await waitOut(user.id);
    const { sessionToken, error } = await signInWithPassword(user.email, STRONG_PASSWORD);
    expect(error).toBeNull();
    expect(sessionToken).toBeTruthy();
    expect(await backoff(user.id)).toEqual({ signInFailures: 0, signInRetryAt: null });
  });

  it(`never makes anyone wait more than ${MAX_BACKOFF_SECONDS / 60} minutes, and says how long`, async () => {
    const user = await createTestUser("capped");
    await db.user.update({ where: { id: user.id }, data: { signInFailures: 40, signInRetryAt: new Date(Date.now() - 1000) } });
    expect(await verifyCredentials(user.email, WRONG)).toBeNull();
    expect(secondsUntil((await backoff(user.id)).signInRetryAt)).toBe(MAX_BACKOFF_SECONDS);
    const refused = await verifyCredentials(user.email, STRONG_PASSWORD).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(MAX_BACKOFF_SECONDS - 5);
  });

  it("forgets old failures after a quiet day", async () => {
    const user = await createTestUser("forgiven");
    await db.user.update({ where: { id: user.id }, data: { signInFailures: 12, signInRetryAt: new Date(Date.now() - 25 * 60 * 60 * 1000) } });
    expect(await verifyCredentials(user.email, WRONG)).toBeNull();
    expect(await backoff(user.id)).toMatchObject({ signInFailures: 1 });
  });

  it(`lets only ${FREE_ATTEMPTS} of 30 concurrent guesses be checked`, async () => {
    const user = await createTestUser("burst");
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () => verifyCredentials(user.email, WRONG).then(() => "checked", (error: unknown) => (error instanceof RateLimitedError ? "waited" : error))),
    );
    expect(outcomes.filter((o) => o === "checked")).toHaveLength(FREE_ATTEMPTS);
    expect(outcomes.filter((o) => o === "waited")).toHaveLength(30 - FREE_ATTEMPTS);
  });

  it("tells nothing new about unknown emails", async () => {
    expect((await signInWithPassword("nobody-here@example.test", WRONG)).error).toBe("CredentialsSignin");
  });
});
