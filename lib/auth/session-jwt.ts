import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

// next-auth encrypts the session JWT (JWE, dir + A256GCM) with a key it derives from the
// secret by HKDF, and derives it again on every decode: the costliest step of reading a
// cookie seen for the first time. This decodes the same cookies with the key derived once.
const keys = new Map<string, Uint8Array>();

function keyFor(secret: string | Buffer, salt: string): Uint8Array {
  const id = `${salt}\0${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

/** next-auth's `decode`, with the derived key kept: throws on a cookie that is not ours, as next-auth's does. */
export async function decodeSessionJwt({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, keyFor(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
