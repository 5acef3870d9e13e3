import { defineConfig } from "prisma/config";

// The CLI only needs a URL for commands that touch a database (migrate deploy, studio);
// `prisma generate` runs without one.
const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  ...(url ? { datasource: { url } } : {}),
});
