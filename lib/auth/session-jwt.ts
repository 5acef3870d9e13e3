import { hkdfSync, webcrypto } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

// next-auth encrypts the session JWT (JWE, dir + A256GCM) with a key it derives from the
// secret by HKDF, and derives (and imports) it again on every decode: the costliest step of
// reading a cookie seen for the first time. This decodes the same cookies with a key made once.
const keys = new Map<string, Promise<webcrypto.CryptoKey>>();

function keyFor(secret: string | Buffer, salt: string): Promise<webcrypto.CryptoKey> {
  const id = `${salt}\0${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = webcrypto.subtle.importKey("raw", hkdfSync("sha256", secret, salt, info, 32), "AES-GCM", false, ["decrypt"]);
    keys.set(id, key);
  }
  return key;
}

/** next-auth's `decode`, with the key kept: throws on a cookie that is not ours, as next-auth's does. */
export async function decodeSessionJwt({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await keyFor(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
