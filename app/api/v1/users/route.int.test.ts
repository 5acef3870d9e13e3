import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { call, STRONG_PASSWORD, uniqueEmail } from "@/tests/helpers";
import { POST } from "./route";

const signUp = (body: unknown) => call(POST, { method: "POST", path: "/api/v1/users", body });

describe("POST /api/v1/users", () => {
  it("creates the account with a hashed password and an empty wallet", async () => {
    const email = uniqueEmail();
    const response = await signUp({ email: email.toUpperCase(), password: STRONG_PASSWORD, name: "Ji-woo" });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ email, name: "Ji-woo" });
    expect(response.body).not.toHaveProperty("passwordHash");
    const stored = await db.user.findUniqueOrThrow({ where: { email }, include: { wallet: true } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain(STRONG_PASSWORD);
    expect(stored.wallet?.balance).toBe(0);
  });

  it("answers 409 for an email that is taken, in any letter case", async () => {
    const email = uniqueEmail();
    expect((await signUp({ email, password: STRONG_PASSWORD, name: "A" })).status).toBe(201);
    const again = await signUp({ email: email.toUpperCase(), password: STRONG_PASSWORD, name: "B" });
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toBe("application/problem+json");
    expect(again.body).toMatchObject({ code: "EMAIL_TAKEN", errors: [{ field: "email" }] });
  });

  it("creates exactly one account when 20 sign-ups race for one email", async () => {
    const email = uniqueEmail("race");
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signUp({ email, password: STRONG_PASSWORD, name: `Racer ${i}` })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.wallet.count({ where: { user: { email } } })).toBe(1);
  });

  it("answers 400 naming each bad field, and writes nothing", async () => {
    const email = uniqueEmail();
    const response = await signUp({ email, password: "short", name: "" });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe("VALIDATION_FAILED");
    expect(new Set(response.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(["name", "password"]));
    const badEmail = await signUp({ email: "nope", password: STRONG_PASSWORD, name: "X" });
    expect(badEmail.body.errors).toEqual([{ field: "email", message: "must be a valid email address" }]);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it.each([
    ["a NUL", "Ji\u0000woo"],
    ["an unpaired surrogate", "Ji\ud83cwoo"],
  ])("answers 400, never 500, for %s in the name", async (_label, name) => {
    const response = await signUp({ email: uniqueEmail(), password: STRONG_PASSWORD, name });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: "name", message: "must not contain NUL or unpaired surrogate characters" }]);
  });

  it.each([
    ["malformed JSON", "{ not json"],
    ["an empty body", ""],
  ])("answers 400 MALFORMED_JSON for %s, never 500", async (_label, body) => {
    const response = await call(POST, { method: "POST", body: body as string });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe("MALFORMED_JSON");
  });

  it("answers 400 when the body is JSON but not an object", async () => {
    const response = await signUp([1, 2, 3]);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe("VALIDATION_FAILED");
  });
});
