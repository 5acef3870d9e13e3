// npm run dev — the app on http://localhost:3000 with nothing else installed: an embedded
// PostgreSQL under .data/ (unless DATABASE_URL is set), migrated and seeded, then `next dev`.
import { createDatabaseIfMissing } from "./db/admin";
import { prepareDatabase } from "./db/prepare";
import { openDatabaseServer } from "./db/server";
import { runUntilExit } from "./run-until-exit";

const server = await openDatabaseServer("dev");
const url = server.embedded ? await createDatabaseIfMissing(server.url, "stagepass") : server.url;
await prepareDatabase(url);
if (server.embedded) console.log("Embedded PostgreSQL is running (data in .data/postgres).");

await runUntilExit("next", ["dev", ...process.argv.slice(2)], {
  env: { ...process.env, DATABASE_URL: url, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? "http://localhost:3000" },
  cleanup: () => server.stop(),
});
