import net from "node:net";
import type { TestProject } from "vitest/node";
import { startUpstashRestServer } from "../scripts/upstash-rest-server";
import { createDatabase, dropAbandonedDatabases, dropDatabase } from "../scripts/db/admin";
import { applyMigrations } from "../scripts/db/migrations";
import { openDatabaseServer } from "../scripts/db/server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseServerUrl: string;
    /** The Upstash REST endpoint in front of the test Redis; null when no Redis is reachable. */
    upstash: { url: string; token: string } | null;
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

  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const upstash = (await reachable(redisUrl))
    ? await startUpstashRestServer({ redisUrl, token: "integration-tests" })
    : null;
  if (!upstash) {
    const message = `No Redis at ${redisUrl}: the Redis queue-store suite cannot run.`;
    if (process.env.CI) throw new Error(`${message} CI must run it.`);
    console.warn(`\n  ⚠⚠⚠  ${message} It is SKIPPED. Start redis-server or set REDIS_URL.\n`);
  }
  project.provide("upstash", upstash && { url: upstash.url, token: "integration-tests" });

  return async () => {
    await upstash?.close();
    await dropDatabase(server.url, name);
    await server.stop();
  };
}

function reachable(redisUrl: string): Promise<boolean> {
  const { hostname, port } = new URL(redisUrl);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 1_000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}
