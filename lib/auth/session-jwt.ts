import { createDecipheriv, hkdfSync } from "node:crypto";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

// next-auth encrypts the session JWT as a compact JWE (dir + A256GCM) with a key it derives
// from the secret by HKDF, derives again on every decode, and decrypts through WebCrypto's
// asynchronous jobs: together the costliest step of reading a cookie seen for the first
// time. This reads the same cookies with the key derived once and a synchronous decipher.
const keys = new Map<string, Buffer>();

function keyFor(secret: string | Buffer, salt: string): Buffer {
  const id = `${salt}\0${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = Buffer.from(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Seconds of clock difference forgiven on `exp` and `nbf`, as next-auth allows. */
const CLOCK_TOLERANCE_SECONDS = 15;

class SessionJwtError extends Error {
  override name = "SessionJwtError";
}

/** next-auth's `decode`, with the key kept: throws on a cookie that is not ours or has expired, as next-auth's does. */
export async function decodeSessionJwt({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  return decryptSessionJwt(token, keyFor(secret, salt), Date.now());
}

function decryptSessionJwt(token: string, key: Buffer, nowMs: number): JWT {
  const parts = token.split(".");
  // Strictly base64url: Node's decoder skips other characters, which would let one cookie be
  // spelled many ways (each its own entry in the decoded-cookie cache).
  if (parts.length !== 5 || !parts.every((part) => BASE64URL.test(part))) throw new SessionJwtError("not a compact JWE");
  const [protectedHeader, encryptedKey, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  const header = parseJson(Buffer.from(protectedHeader, "base64url"), "header");
  // Exactly what next-auth writes; anything else (compression, critical extensions) is refused.
  const { alg, enc, ...rest } = header;
  if (alg !== "dir" || enc !== "A256GCM" || Object.keys(rest).length || encryptedKey !== "") throw new SessionJwtError("unexpected JWE header");
  const ivBytes = Buffer.from(iv, "base64url");
  const tagBytes = Buffer.from(tag, "base64url");
  if (ivBytes.length !== 12 || tagBytes.length !== 16) throw new SessionJwtError("malformed JWE");
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, ivBytes, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(protectedHeader, "ascii"));
    decipher.setAuthTag(tagBytes);
    plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
  } catch {
    throw new SessionJwtError("decryption failed");
  }
  const claims = parseJson(plaintext, "payload");
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.exp !== "number") throw new SessionJwtError('"exp" claim missing');
  if (claims.exp <= now - CLOCK_TOLERANCE_SECONDS) throw new SessionJwtError('"exp" claim timestamp check failed');
  if (claims.nbf !== undefined && (typeof claims.nbf !== "number" || claims.nbf > now + CLOCK_TOLERANCE_SECONDS)) {
    throw new SessionJwtError('"nbf" claim timestamp check failed');
  }
  if (claims.iat !== undefined && typeof claims.iat !== "number") throw new SessionJwtError('"iat" claim must be a number');
  return claims as JWT;
}

function parseJson(bytes: Buffer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new SessionJwtError(`JWE ${what} is not JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new SessionJwtError(`JWE ${what} is not an object`);
  return value as Record<string, unknown>;
}
