import { createHmac } from "node:crypto";
import { errors, jwtVerify } from "jose";
import { z } from "zod";
import { env } from "../env";
import { DomainError } from "../errors";
import { processCache } from "../ttl-cache";

/** What a queue token proves: this user holds this number in this concert's line (0: their pre-queue place). */
export interface QueueClaims {
  userId: string;
  concertId: string;
  number: number;
}

// Long enough to wait through any line; whether the holder may shop is the store's call.
const TOKEN_TTL_SECONDS = 12 * 60 * 60;
const ALGORITHM = "HS256";

const payload = z.object({ sub: z.uuid(), concertId: z.uuid(), number: z.number().int().nonnegative() });

const key = (secret: string) => new TextEncoder().encode(secret);
const base64url = (json: object) => Buffer.from(JSON.stringify(json)).toString("base64url");
const HEADER = base64url({ alg: ALGORITHM, typ: "JWT" });

/**
 * A compact HS256 JWT, signed with node:crypto's HMAC: WebCrypto's (what jose uses) runs as
 * an async job and cost about 0.25 ms of every entry. jose verifies it like any other.
 */
export async function signQueueToken(claims: QueueClaims, now: Date, secret = env().QUEUE_TOKEN_SECRET): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const body = base64url({ concertId: claims.concertId, number: claims.number, sub: claims.userId, iat: issuedAt, exp: issuedAt + TOKEN_TTL_SECONDS });
  const signature = createHmac("sha256", secret).update(`${HEADER}.${body}`).digest("base64url");
  return `${HEADER}.${body}.${signature}`;
}

// A shopper sends the same token with every request: each is verified once per instance
// (keyed by secret and token) and trusted until it expires.
const verified = processCache<string, QueueClaims>("queue.verified-tokens", 100_000);

/** The token's claims; throws QUEUE_TOKEN_EXPIRED or QUEUE_TOKEN_INVALID. */
export async function verifyQueueToken(token: string, now: Date, secret = env().QUEUE_TOKEN_SECRET): Promise<QueueClaims> {
  const cacheKey = `${secret}\n${token}`;
  const cached = verified.get(cacheKey, now.getTime());
  if (cached) return cached;
  try {
    const { payload: raw } = await jwtVerify(token, key(secret), { algorithms: [ALGORITHM], currentDate: now });
    const claims = payload.parse(raw);
    const verifiedClaims = { userId: claims.sub, concertId: claims.concertId, number: claims.number };
    if (typeof raw.exp === "number") verified.set(cacheKey, verifiedClaims, raw.exp * 1000);
    return verifiedClaims;
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw new DomainError("QUEUE_TOKEN_EXPIRED", "This queue token has expired. Join the line again.");
    }
    throw new DomainError("QUEUE_TOKEN_INVALID", "The queue token is malformed or its signature does not match.");
  }
}
