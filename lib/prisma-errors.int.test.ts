import { describe, expect, inject, it } from "vitest";
import { freePort } from "@/scripts/free-port";
import { createPrismaClient, db } from "./db";
import { isDatabaseUnavailable, isUniqueViolation } from "./prisma-errors";

// The errors come from real clients failing for real, so a change in how Prisma or pg
// reports them (as Prisma 7's driver adapters did) shows up here, not as 500s in production.
async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the work to fail");
}

describe("isDatabaseUnavailable", () => {
  it("recognises a database nobody listens on", async () => {
    const client = createPrismaClient(`postgresql://postgres@127.0.0.1:${await freePort()}/postgres`);
    try {
      expect(isDatabaseUnavailable(await errorOf(() => client.$queryRaw`SELECT 1`))).toBe(true);
      expect(isDatabaseUnavailable(await errorOf(() => client.user.count()))).toBe(true);
    } finally {
      await client.$disconnect();
    }
  });

  it("recognises a connection the server terminated (SQLSTATE 57P01) in the middle of a transaction", async () => {
    const client = createPrismaClient(inject("databaseUrl"));
    try {
      const kill = (pid: number) => db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
      // Inside a transaction the connection stays checked out, so the next statement is sure
      // to meet the termination (an idle one may be replaced by the pool first).
      const inTransaction = await errorOf(() =>
        client.$transaction(async (tx) => {
          const [{ pid: own }] = await tx.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
          await kill(own);
          await tx.user.count();
        }),
      );
      expect(isDatabaseUnavailable(inTransaction)).toBe(true);
    } finally {
      await client.$disconnect();
    }
  });

  it("does not mistake a constraint violation for an outage", async () => {
    const duplicate = await errorOf(() =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`CREATE TEMP TABLE dup (id int PRIMARY KEY) ON COMMIT DROP`;
        await tx.$executeRaw`INSERT INTO dup VALUES (1), (1)`;
      }),
    );
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
  });
});
