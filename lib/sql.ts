import type pg from "pg";
import { hasErrorCode, isDatabaseUnavailable } from "./prisma-errors";

// Hot paths talk to PostgreSQL through the pg pool Prisma itself runs on: a plain query
// costs a fraction of the CPU of the same query through the Prisma client, and a request
// that is one statement is one round trip. Everything else stays on Prisma.

/** A parameterised statement: the text with $1…$n and its values. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** A pool, or one of its clients inside a transaction. */
export type Queryable = Pick<pg.Pool, "query">;

/** A connection inside a transaction (inSqlTransaction). */
export type SqlTx = pg.PoolClient;

// Template strings are the same array on every call from one place: build each text once.
const texts = new WeakMap<TemplateStringsArray, string>();

/** `sql\`SELECT … WHERE id = ${id}\`` → a statement whose values travel as parameters, never as text. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Statement {
  let text = texts.get(strings);
  if (text === undefined) {
    text = strings.reduce((all, part, i) => `${all}$${i}${part}`);
    texts.set(strings, text);
  }
  return { text, values };
}

/** The statement's rows. */
export async function queryRows<T>(client: Queryable, statement: Statement): Promise<T[]> {
  const result = await client.query<T & pg.QueryResultRow>(statement.text, statement.values);
  return result.rows;
}

/** How many rows the statement changed. */
export async function execute(client: Queryable, statement: Statement): Promise<number> {
  const result = await client.query(statement.text, statement.values);
  return result.rowCount ?? 0;
}

// Lock ordering should make deadlocks impossible; a retry keeps a rare serialization
// failure (or a deadlock we did not foresee) from ever reaching a user as a 500.
const ATTEMPTS = 3;
const isRetryable = (error: unknown) => hasErrorCode(error, ["40001", "40P01"]);

/** Runs `work` in one transaction on one pooled connection, retried on deadlock or serialization failure. */
export async function inSqlTransaction<T>(pool: pg.Pool, work: (tx: SqlTx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      if (isDatabaseUnavailable(error)) broken = error as Error;
      else await client.query("ROLLBACK").catch((rollbackFailed: Error) => (broken = rollbackFailed));
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
    } finally {
      // A connection that failed is dropped from the pool, not handed to the next request.
      client.release(broken);
    }
  }
}

/**
 * A refusal raised by one of our SQL functions (RAISE EXCEPTION '<API error code>' USING
 * DETAIL = …), or null for any other error.
 */
export function raisedRefusal(error: unknown): { code: string; detail: string | undefined } | null {
  const e = error as { code?: unknown; message?: unknown; detail?: unknown };
  if (e?.code !== "P0001" || typeof e.message !== "string" || !/^[A-Z_]+$/.test(e.message)) return null;
  return { code: e.message, detail: typeof e.detail === "string" ? e.detail : undefined };
}
