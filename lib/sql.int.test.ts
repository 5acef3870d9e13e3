import { describe, expect, it } from "vitest";
import { createPool, pool } from "./db";
import { env } from "./env";
import { inSqlTransaction, queryRows, sql } from "./sql";

const tricky = ["it's", "back\\slash\\' and '' quotes", "$1 and $$", "한국어 ✓", "", "--", "';DROP TABLE users;--"];

describe("SqlTx", () => {
  it("carries values exactly when BEGIN and COMMIT ride with the first and last statements", async () => {
    const key = `sqltx-${crypto.randomUUID()}`;
    const echoed = await inSqlTransaction(pool(), async (tx) => {
      const out: string[] = [];
      for (const value of tricky) {
        // The first statement travels with BEGIN, values inlined; the others as parameters. Same answers.
        const [row] = await queryRows<{ v: string; n: number; b: unknown; z: null }>(tx, sql`SELECT ${value}::text AS v, ${42}::int AS n, ${true} AS b, ${null}::text AS z`);
        out.push(row!.v);
        expect([row!.n, row!.b, row!.z]).toEqual([42, "true", null]);
      }
      const [last] = (await tx.commitWith<{ v: string }>(sql`SELECT ${key}::text AS v`)).rows;
      expect(last!.v).toBe(key);
      return out;
    });
    expect(echoed).toEqual(tricky);
  });

  it("commits what the last statement wrote, and rolls back everything when it fails", async () => {
    const name = `sqltx-${crypto.randomUUID()}`;
    await inSqlTransaction(pool(), async (tx) => {
      await queryRows(tx, sql`SELECT ${name}::text`);
      await tx.commitWith(sql`INSERT INTO rate_limit_counters (key, window_start, count, expires_at) VALUES (${name}, now(), 1, now())`);
    });
    await expect(
      inSqlTransaction(pool(), async (tx) => {
        await queryRows(tx, sql`UPDATE rate_limit_counters SET count = 2 WHERE key = ${name}`);
        await tx.commitWith(sql`INSERT INTO rate_limit_counters (key, window_start, count, expires_at) SELECT key, window_start, 1, expires_at FROM rate_limit_counters WHERE key = ${name}`);
      }),
    ).rejects.toMatchObject({ code: "23505" });
    const rows = await queryRows<{ count: number }>(pool(), sql`SELECT count FROM rate_limit_counters WHERE key = ${name}`);
    expect(rows).toEqual([{ count: 1 }]);
  });

  it("sends a first statement with non-scalar values on its own, as parameters", async () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    const rows = await inSqlTransaction(pool(), (tx) => queryRows<{ n: number }>(tx, sql`SELECT cardinality(${ids}::uuid[]) AS n`));
    expect(rows).toEqual([{ n: 2 }]);
  });
});

describe("statements on the pool", () => {
  it("keep their connection when PostgreSQL refuses one, and drop it when the connection itself fails", async () => {
    const single = createPool(env().DATABASE_URL, { poolSize: 1 });
    try {
      const backend = async () => (await queryRows<{ pid: number }>(single, sql`SELECT pg_backend_pid() AS pid`))[0]!.pid;
      const first = await backend();
      // A refusal raised the way our functions raise them, and a unique violation.
      await expect(queryRows(single, sql`DO $$ BEGIN RAISE EXCEPTION 'SEAT_UNAVAILABLE'; END $$`)).rejects.toMatchObject({ code: "P0001" });
      await expect(queryRows(single, sql`SELECT 1 / ${0}::int`)).rejects.toMatchObject({ code: "22012" });
      expect(await backend()).toBe(first);
      // The connection ends under a statement: the next statement gets a new one.
      await expect(queryRows(single, sql`SELECT pg_terminate_backend(pg_backend_pid())`)).rejects.toThrow();
      expect(await backend()).not.toBe(first);
    } finally {
      await single.end();
    }
  });
});
