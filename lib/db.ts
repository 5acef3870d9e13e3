import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

export type { Prisma } from "./generated/prisma/client";
export type Db = PrismaClient;

interface PoolOptions {
  poolSize?: number;
  statementTimeoutMs?: number;
}

/**
 * A pool of connections to PostgreSQL. No connection timeout: pg applies it to waiting for
 * a pooled connection too, and in a rush requests should queue for one, not fail. Nothing
 * relies on session state between statements (no SET, no session locks, no LISTEN), so it
 * works through PgBouncer in transaction mode.
 */
export function createPool(connectionString: string, { poolSize, statementTimeoutMs }: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: poolSize, statement_timeout: statementTimeoutMs });
  // An idle connection that dies (a restart, a failover) is dropped and replaced; unheard, it would end the process.
  pool.on("error", (error) => console.error(JSON.stringify({ level: "warn", job: "db-pool", message: error.message })));
  return pool;
}

/** A client on a pool of its own, which its $disconnect ends. */
export function createPrismaClient(connectionString: string, options: PoolOptions = {}): PrismaClient {
  return prismaOn(createPool(connectionString, options), { disposeExternalPool: true });
}

const prismaOn = (pool: pg.Pool, options?: { disposeExternalPool: boolean }) => new PrismaClient({ adapter: new PrismaPg(pool, options) });

// One pool and one client on it per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { pool?: pg.Pool; prisma?: PrismaClient };

/** The app's pool: hot paths query it directly (lib/sql.ts), Prisma runs on it too. */
export function pool(): pg.Pool {
  const { DATABASE_URL, DATABASE_POOL_SIZE, DATABASE_STATEMENT_TIMEOUT_MS } = env();
  globalForDb.pool ??= createPool(DATABASE_URL, { poolSize: DATABASE_POOL_SIZE, statementTimeoutMs: DATABASE_STATEMENT_TIMEOUT_MS });
  return globalForDb.pool;
}

function client(): PrismaClient {
  globalForDb.prisma ??= prismaOn(pool());
  return globalForDb.prisma;
}

/** The app's client, created on first use so that importing it needs no configuration. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

/** Ends the app's client and pool (tests, scripts); the next use opens new ones. */
export async function closeDb(): Promise<void> {
  const prisma = globalForDb.prisma;
  const open = globalForDb.pool;
  globalForDb.prisma = undefined;
  globalForDb.pool = undefined;
  await prisma?.$disconnect();
  await open?.end();
}
