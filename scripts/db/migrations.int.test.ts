import { cp, mkdtemp, appendFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase, withClient } from "./admin";
import { applyMigrations, MigrationError, MIGRATIONS_DIR, readMigrations } from "./migrations";

const serverUrl = inject("databaseServerUrl");
const scratch: string[] = [];

async function scratchDatabase(): Promise<string> {
  const name = `stagepass_mig_${process.pid}_${scratch.length}`;
  scratch.push(name);
  await dropDatabase(serverUrl, name);
  return createDatabase(serverUrl, name);
}

afterEach(async () => {
  for (const name of scratch.splice(0)) await dropDatabase(serverUrl, name);
});

describe("applyMigrations", () => {
  it("applies every committed migration once and records name and checksum", async () => {
    const url = await scratchDatabase();
    const migrations = await readMigrations();
    expect(await applyMigrations(url)).toEqual(migrations.map((m) => m.name));
    expect(await applyMigrations(url)).toEqual([]);
    const { rows } = await withClient(url, (c) => c.query(`SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`));
    expect(rows).toEqual(migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });

  it("applies migrations exactly once when many processes start together", async () => {
    const url = await scratchDatabase();
    const results = await Promise.all(Array.from({ length: 6 }, () => applyMigrations(url)));
    const count = (await readMigrations()).length;
    expect(results.flat()).toHaveLength(count);
    const { rows } = await withClient(url, (c) => c.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`));
    expect(rows[0].n).toBe(count);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const url = await scratchDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await applyMigrations(url, dir);
    const [first] = await readMigrations(dir);
    await appendFile(path.join(dir, first!.name, "migration.sql"), "\n-- edited\n");
    await expect(applyMigrations(url, dir)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(url, dir)).rejects.toThrow(/was edited after it was applied/);
  });

  it("rolls back a failing migration and leaves nothing half-written", async () => {
    const url = await scratchDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, "29990101000000_broken");
    await cp(path.join(dir, (await readMigrations(dir))[0]!.name), broken, { recursive: true });
    await appendFile(path.join(broken, "migration.sql"), "\nCREATE TABLE half_written (id int);\nSELECT no_such_function();\n");
    await expect(applyMigrations(url, dir)).rejects.toThrow(/29990101000000_broken failed/);
    const { rows } = await withClient(url, (c) =>
      c.query(`SELECT to_regclass('half_written') AS t, (SELECT count(*)::int FROM "_prisma_migrations") AS n`),
    );
    expect(rows[0]).toEqual({ t: null, n: (await readMigrations()).length });
  });
});
