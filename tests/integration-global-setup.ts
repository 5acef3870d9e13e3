import type { TestProject } from "vitest/node";
import { createDatabase, dropAbandonedDatabases, dropDatabase } from "../scripts/db/admin";
import { applyMigrations } from "../scripts/db/migrations";
import { openDatabaseServer } from "../scripts/db/server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseServerUrl: string;
  }
}

/** One fresh database per run, built from the committed migrations, dropped afterwards. */
export default async function setup(project: TestProject) {
  const server = await openDatabaseServer("test");
  const name = `stagepass_test_${process.pid}`;
  await dropAbandonedDatabases(server.url, "stagepass_test");
  const url = await createDatabase(server.url, name);
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  project.provide("databaseServerUrl", server.url);
  return async () => {
    await dropDatabase(server.url, name);
    await server.stop();
  };
}
