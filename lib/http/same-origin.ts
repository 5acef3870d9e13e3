import type { NextRequest } from "next/server";
import { env } from "../env";
import { DomainError } from "../errors";

/**
 * Refuses a cookie-authenticated change sent from another site (CSRF defence in depth,
 * beside SameSite cookies and JSON-only bodies). Browsers send Origin on such requests;
 * where it is missing, Sec-Fetch-Site still tells a cross-site request apart.
 */
export function assertSameOrigin(request: NextRequest): void {
  const origin = request.headers.get("origin");
  const foreign = origin ? !ownOrigins(request).has(origin) : request.headers.get("sec-fetch-site") === "cross-site";
  if (foreign) throw new DomainError("CROSS_ORIGIN_REQUEST", "This request came from another site. Use the app itself, or an access token.");
}

function ownOrigins(request: NextRequest): Set<string> {
  const origins = new Set([request.nextUrl.origin]);
  // Behind a proxy the request's own URL may name an internal host; the public one is configured.
  const configured = env().NEXTAUTH_URL;
  if (configured) origins.add(new URL(configured).origin);
  return origins;
}
