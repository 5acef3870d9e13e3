import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, PEER_SECRET_VARIABLE, peerAddressHeader } from "@/lib/client-ip";
import { call, STRONG_PASSWORD, uniqueEmail } from "@/tests/helpers";
import { POST } from "./route";

// The real limits here, not the test suite's lifted ones (this file's modules are its own).
process.env.RATE_LIMIT_MULTIPLIER = "1";

const signUp = (headers: Record<string, string>) =>
  call(POST, { method: "POST", headers, body: { email: uniqueEmail(), password: STRONG_PASSWORD, name: "Flood" } });
// As the production server (scripts/serve.ts) sets it: the TCP peer, vouched for by its secret.
process.env[PEER_SECRET_VARIABLE] = "rate-limit-tests";
const peer = () => peerAddressHeader(`198.51.${randomInt(0, 250)}.${randomInt(1, 250)}`);

describe("rate limits", () => {
  it("answers sign-up floods from one address with 429 problem+json and Retry-After", async () => {
    const headers = { [PEER_ADDRESS_HEADER]: peer() };
    const responses = [];
    for (let i = 0; i < 22; i++) responses.push(await signUp(headers));
    expect(responses.slice(0, 20).every((r) => r.status === 201)).toBe(true);
    const limited = responses[21]!;
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(limited.body.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await signUp({ [PEER_ADDRESS_HEADER]: peer() })).status).toBe(201);
  });

  it("cannot be escaped by sending a new X-Forwarded-For or X-Real-IP each time (no proxy is trusted by default)", async () => {
    const address = peer();
    const responses = [];
    for (let i = 0; i < 22; i++) {
      responses.push(await signUp({ [PEER_ADDRESS_HEADER]: address, "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `192.0.2.${i}` }));
    }
    expect(responses.slice(0, 20).every((r) => r.status === 201)).toBe(true);
    expect(responses.at(-1)!.status).toBe(429);
  });
});
