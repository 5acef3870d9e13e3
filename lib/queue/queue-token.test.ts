import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { signQueueToken, verifyQueueToken } from "./queue-token";

const secret = "unit-test-queue-token-secret-0123456789";
const claims = { userId: "0b5f1b9e-7a2e-4c55-9f51-2b7c8b0d1a11", concertId: "7c1d9a2b-4e8f-4a8b-9c3d-5e6f7a8b9c0d", number: 42 };
const now = new Date("2030-01-01T00:00:00Z");

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof DomainError ? error.code : String(error);
}

describe("queue tokens", () => {
  it("carry sub, concertId, number, iat and exp, and verify back to the claims", async () => {
    const token = await signQueueToken(claims, now, secret);
    expect(decodeJwt(token)).toEqual({
      sub: claims.userId,
      concertId: claims.concertId,
      number: 42,
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 12 * 3600,
    });
    await expect(verifyQueueToken(token, now, secret)).resolves.toEqual(claims);
  });

  it("are refused once expired", async () => {
    const token = await signQueueToken(claims, now, secret);
    expect(await codeOf(verifyQueueToken(token, new Date(now.getTime() + 12 * 3600 * 1000 + 1000), secret))).toBe("QUEUE_TOKEN_EXPIRED");
  });

  it("are refused when signed with another secret, tampered with, or unsigned", async () => {
    const token = await signQueueToken(claims, now, secret);
    expect(await codeOf(verifyQueueToken(token, now, secret + "x"))).toBe("QUEUE_TOKEN_INVALID");
    const [header, , signature] = token.split(".");
    const payload = Buffer.from(JSON.stringify({ ...decodeJwt(token), number: 1 })).toString("base64url");
    expect(await codeOf(verifyQueueToken([header, payload, signature].join("."), now, secret))).toBe("QUEUE_TOKEN_INVALID");
    const unsigned = [Buffer.from('{"alg":"none"}').toString("base64url"), token.split(".")[1], ""].join(".");
    expect(await codeOf(verifyQueueToken(unsigned, now, secret))).toBe("QUEUE_TOKEN_INVALID");
  });

  it("are refused when their claims are not ours", async () => {
    const token = await signQueueToken({ ...claims, userId: "not-a-uuid" }, now, secret);
    expect(await codeOf(verifyQueueToken(token, now, secret))).toBe("QUEUE_TOKEN_INVALID");
  });
});
