// Next's own inline scripts (the React Server Components payload) rule out a CSP without
// 'unsafe-inline' unless every page is rendered per request with a nonce; this one still
// forbids framing (clickjacking), plugins, foreign origins and <base> rewrites. Development
// adds eval (React's dev tooling and hot reload).
const contentSecurityPolicy = (production: boolean) =>
  [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

/**
 * The headers of every answer, pages and API alike, errors included: set by next.config.ts
 * for what Next serves and by the production server for the API routes it serves itself.
 */
export function securityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(production) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // Only a production deployment is known to be served over HTTPS.
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
