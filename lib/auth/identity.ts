import { getToken, type JWT } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { env } from "../env";
import { DomainError } from "../errors";
import { findIdentityByAccessToken } from "./access-tokens";
import { TOKEN_SCOPES, type TokenScope } from "./scopes";
import { decodeSessionJwt } from "./session-jwt";
import { isSessionLive } from "./sessions";
import { processCache } from "../ttl-cache";

export interface Identity {
  id: string;
  email: string;
  name: string;
  /** How the caller proved who they are. */
  via: "session" | "token";
  /** What the caller may do: everything with a session, a token's own scopes with a token. */
  scopes: TokenScope[];
  /** The server-side browser session (sessions only), e.g. to keep it when ending the others. */
  sessionId?: string;
}

/**
 * The caller: a Bearer personal access token when one is sent (an invalid one is an
 * error, never a silent fallback to the session), otherwise the next-auth session cookie,
 * which counts only while its server-side session is live (not signed out or ended).
 */
export async function resolveIdentity(request: NextRequest): Promise<Identity | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(" ");
    const identity = scheme?.toLowerCase() === "bearer" && token ? await findIdentityByAccessToken(token) : null;
    if (!identity) throw new DomainError("INVALID_ACCESS_TOKEN", "The access token is unknown, malformed, revoked or expired.");
    return { ...identity, via: "token" };
  }
  const session = await sessionToken(request);
  if (!session?.sub || !session.email || !session.sid) return null;
  if (!(await isSessionLive({ sid: session.sid, sub: session.sub, sexp: session.sexp }))) return null;
  return { id: session.sub, email: session.email, name: session.name ?? "", via: "session", scopes: [...TOKEN_SCOPES], sessionId: session.sid };
}

// Decrypting the session cookie is the costliest step of a request that needs no database;
// the same cookie always decrypts to the same claims, so each is decrypted once per instance
// (and kept no longer than it is valid). Whether the session still counts is checked apart.
const decodedCookies = processCache<string, JWT | null>("auth.decoded-cookies", 50_000);
const DECODED_COOKIE_MS = 5 * 60_000;

async function sessionToken(request: NextRequest): Promise<JWT | null> {
  // The session cookie, or its chunks when it outgrew one cookie (plain or __Secure- name).
  const cookie = request.cookies
    .getAll()
    .filter((c) => c.name.includes("next-auth.session-token"))
    .map((c) => `${c.name}=${c.value}`)
    .join(";");
  if (!cookie) return null;
  const now = Date.now();
  const cached = decodedCookies.get(cookie, now);
  if (cached !== undefined) return cached;
  const token = await getToken({ req: request, secret: env().AUTH_SECRET, decode: decodeSessionJwt });
  const expiresAt = typeof token?.exp === "number" ? token.exp * 1000 : now;
  decodedCookies.set(cookie, token, Math.min(now + DECODED_COOKIE_MS, expiresAt));
  return token;
}
