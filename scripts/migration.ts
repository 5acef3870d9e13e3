// npm run db:migration -- new <name>   write prisma/migrations/<timestamp>_<name> with the SQL
//                                       from the committed schema.prisma (git HEAD) to the working one
// npm run db:migration -- check        fail when the migrations do not build what schema.prisma describes
import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createDatabase, dropDatabase, withClient } from "./db/admin";
import { describeSchema, isHandWritten } from "./db/describe-schema";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "./db/migrations";
import { diffSchemas, SCHEMA_PATH } from "./db/schema-engine";
import { openDatabaseServer } from "./db/server";

async function check(): Promise<boolean> {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const server = await openDatabaseServer("test");
  const names = { migrated: `stagepass_check_m_${process.pid}`, expected: `stagepass_check_s_${process.pid}` };
  try {
    const migrated = await createDatabase(server.url, names.migrated);
    await applyMigrations(migrated);
    const expected = await createDatabase(server.url, names.expected);
    const sql = await diffSchemas(server.url, null, schema);
    await withClient(expected, (c) => c.query(sql));

    const have = new Set(await describeSchema(migrated));
    const want = new Set(await describeSchema(expected));
    const missing = [...want].filter((line) => !have.has(line));
    const extra = [...have].filter((line) => !want.has(line) && !isHandWritten(line));
    if (missing.length) console.error("In schema.prisma but not built by the migrations:\n  " + missing.join("\n  "));
    if (extra.length) console.error("Built by the migrations but not in schema.prisma:\n  " + extra.join("\n  "));
    return missing.length === 0 && extra.length === 0;
  } finally {
    await dropDatabase(server.url, names.migrated);
    await dropDatabase(server.url, names.expected);
    await server.stop();
  }
}

async function committedSchema(): Promise<string | null> {
  if ((await readMigrations()).length === 0) return null;
  return execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
}

async function create(name: string) {
  const server = await openDatabaseServer("test");
  const sql = await diffSchemas(server.url, await committedSchema(), await readFile(SCHEMA_PATH, "utf8")).finally(
    () => server.stop(),
  );
  if (!sql) return console.log("schema.prisma has no changes since the last commit; nothing to write.");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql + "\n");
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then run the check.`);
}

const [command, name] = process.argv.slice(2);
if (command === "check") {
  if (!(await check())) {
    console.error("\nAdd a migration: npm run db:migration -- new <name>");
    process.exit(1);
  }
  console.log("Migrations match schema.prisma.");
} else if (command === "new" && name && /^[a-z0-9_]+$/.test(name)) {
  await create(name);
} else {
  console.error("Usage: npm run db:migration -- new <snake_case_name> | check");
  process.exit(2);
}
