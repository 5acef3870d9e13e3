// Started by Playwright: a fresh, seeded database and the production build (`npm start`)
// with production settings and throwaway secrets.
import { randomBytes } from "node:crypto";
import { createDatabase, dropAbandonedDatabases, dropDatabase } from "./db/admin";
import { prepareDatabase } from "./db/prepare";
import { openDatabaseServer } from "./db/server";
import { runUntilExit } from "./run-until-exit";
import { SERVE_ARGS } from "./serve-args";

const port = process.env.E2E_PORT ?? "3100";
const server = await openDatabaseServer("test");
const name = `stagepass_e2e_${process.pid}`;
await dropAbandonedDatabases(server.url, "stagepass_e2e");
const url = await createDatabase(server.url, name);
await prepareDatabase(url);

const secret = () => randomBytes(32).toString("base64url");
// The e2e server always uses Postgres for the queue and limits, whatever this shell has set.
const { UPSTASH_REDIS_REST_URL: _url, UPSTASH_REDIS_REST_TOKEN: _token, ...inherited } = process.env;
await runUntilExit("tsx", SERVE_ARGS, {
  env: {
    ...inherited,
    NODE_ENV: "production",
    PORT: port,
    DATABASE_URL: url,
    NEXTAUTH_URL: `http://localhost:${port}`,
    AUTH_SECRET: secret(),
    QUEUE_TOKEN_SECRET: secret(),
    CRON_SECRET: process.env.CRON_SECRET ?? secret(),
    // One shopper at a time (for concerts without their own setting), so waiting is visible;
    // short holds, so running out can be watched.
    QUEUE_ACTIVE_LIMIT: "1",
    HOLD_TTL_SECONDS: "12",
    // Every spec signs up from this one address: room for all of them, limits still real.
    RATE_LIMIT_MULTIPLIER: "5",
    // The webhook spec's receiver listens on this machine, which the SSRF guard otherwise refuses.
    WEBHOOK_ALLOWED_PRIVATE_HOSTS: "127.0.0.1",
  },
  // Playwright signals the whole process group, so an embedded server may already be
  // stopping; the next run then drops the database instead.
  cleanup: async () => {
    await dropDatabase(server.url, name).catch(() => {});
    await server.stop();
  },
});
