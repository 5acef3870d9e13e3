import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

export type { Prisma } from "./generated/prisma/client";
export type Db = PrismaClient;

export function createPrismaClient(
  connectionString: string,
  { poolSize, statementTimeoutMs }: { poolSize?: number; statementTimeoutMs?: number } = {},
): PrismaClient {
  return new PrismaClient({
    // No connection timeout: pg applies it to waiting for a pooled connection too, and in a
    // rush requests should queue for one (Prisma's maxWait bounds that), not fail.
    adapter: new PrismaPg({ connectionString, max: poolSize, statement_timeout: statementTimeoutMs }),
  });
}

// One client per process, kept across hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  const { DATABASE_URL, DATABASE_POOL_SIZE, DATABASE_STATEMENT_TIMEOUT_MS } = env();
  globalForPrisma.prisma ??= createPrismaClient(DATABASE_URL, { poolSize: DATABASE_POOL_SIZE, statementTimeoutMs: DATABASE_STATEMENT_TIMEOUT_MS });
  return globalForPrisma.prisma;
}

/** The app's client, created on first use so that importing it needs no configuration. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
