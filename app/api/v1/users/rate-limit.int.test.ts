import { describe, expect, it } from "vitest";
import { call, STRONG_PASSWORD, uniqueEmail } from "@/tests/helpers";
import { POST } from "./route";

// The real limits here, not the test suite's lifted ones (this file's modules are its own).
process.env.RATE_LIMIT_MULTIPLIER = "1";

describe("rate limits", () => {
  it("answers sign-up floods from one address with 429 problem+json and Retry-After", async () => {
    const headers = { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` };
    const responses = [];
    for (let i = 0; i < 22; i++) {
      responses.push(await call(POST, { method: "POST", headers, body: { email: uniqueEmail(), password: STRONG_PASSWORD, name: "Flood" } }));
    }
    expect(responses.slice(0, 20).every((r) => r.status === 201)).toBe(true);
    const limited = responses[21]!;
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(limited.body.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is not affected.
    const elsewhere = await call(POST, { method: "POST", headers: { "x-forwarded-for": "203.0.113.9" }, body: { email: uniqueEmail(), password: STRONG_PASSWORD, name: "Other" } });
    expect(elsewhere.status).toBe(201);
  });
});
