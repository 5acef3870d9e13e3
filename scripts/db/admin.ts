import pg from "pg";

/** Runs `work` with a single connection to `url`, always closing it. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the same server as `url`. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  assertIdentifier(name);
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(serverUrl, name);
}

export async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<string> {
  assertIdentifier(name);
  await withClient(serverUrl, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await c.query(`CREATE DATABASE "${name}"`);
  });
  return databaseUrl(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  assertIdentifier(name);
  await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

function assertIdentifier(name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
}

/**
 * Drops databases named `<prefix>_<pid>` whose process is gone: what a run leaves behind
 * when it is killed before its own cleanup.
 */
export async function dropAbandonedDatabases(serverUrl: string, prefix: string): Promise<void> {
  assertIdentifier(prefix);
  const { rows } = await withClient(serverUrl, (c) =>
    c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}\\_%`]),
  );
  for (const { datname } of rows) {
    const pid = Number(datname.slice(prefix.length + 1));
    if (Number.isInteger(pid) && !isRunning(pid)) await dropDatabase(serverUrl, datname);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
