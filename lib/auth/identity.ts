import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { env } from "../env";
import { DomainError } from "../errors";
import { findIdentityByAccessToken } from "./access-tokens";

export interface Identity {
  id: string;
  email: string;
  name: string;
  /** How the caller proved who they are. */
  via: "session" | "token";
}

/**
 * The caller: a Bearer personal access token when one is sent (an invalid one is an
 * error, never a silent fallback to the session), otherwise the next-auth session cookie.
 */
export async function resolveIdentity(request: NextRequest): Promise<Identity | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(" ");
    const identity = scheme?.toLowerCase() === "bearer" && token ? await findIdentityByAccessToken(token) : null;
    if (!identity) throw new DomainError("INVALID_ACCESS_TOKEN", "The access token is unknown, malformed or revoked.");
    return { ...identity, via: "token" };
  }
  const session = await getToken({ req: request, secret: env().AUTH_SECRET });
  if (!session?.sub || !session.email) return null;
  return { id: session.sub, email: session.email, name: session.name ?? "", via: "session" };
}
