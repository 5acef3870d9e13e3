import pg from "pg";
import { hasErrorCode, isDatabaseUnavailable } from "./prisma-errors";

// Hot paths talk to PostgreSQL through the pg pool Prisma itself runs on: a plain query
// costs a fraction of the CPU of the same query through the Prisma client, and a request
// that is one statement is one round trip. Everything else stays on Prisma.

/** A parameterised statement: the text with $1…$n and its values. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** A pool, a pooled connection, or a transaction (SqlTx). */
export interface Queryable {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

// Template strings are the same array on every call from one place: build each text once.
const texts = new WeakMap<TemplateStringsArray, string>();

/** `sql\`SELECT … WHERE id = ${id}\`` → a statement whose values travel as parameters, never as text. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Statement {
  let text = texts.get(strings);
  if (text === undefined) {
    text = strings.reduce((all, part, i) => `${all}$${i}${part}`);
    texts.set(strings, text);
  }
  return { text, values: values.map(asParameter) };
}

// pg writes a Date as local time with an offset, through a slow formatter; an ISO string
// is the same instant for our timestamptz columns, made natively.
function asParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value[0] instanceof Date) return value.map(asParameter);
  return value;
}

/** The statement's rows. */
export async function queryRows<T>(client: Queryable, statement: Statement): Promise<T[]> {
  const result = await run<T & pg.QueryResultRow>(client, statement);
  return result.rows;
}

/** How many rows the statement changed. */
export async function execute(client: Queryable, statement: Statement): Promise<number> {
  const result = await run(client, statement);
  return result.rowCount ?? 0;
}

/**
 * Runs a statement that changes at most `batchSize` rows (a DELETE … LIMIT) until it changes
 * fewer: a large purge as many short transactions. Returns the rows changed in all.
 */
export async function executeInBatches(client: Queryable, batchSize: number, statement: Statement): Promise<number> {
  let total = 0;
  for (;;) {
    const changed = await execute(client, statement);
    total += changed;
    if (changed < batchSize) return total;
  }
}

// An ERROR ends the statement; a FATAL or PANIC ends the connection (PostgreSQL closes it).
const isRefusal = (error: unknown) => error instanceof pg.DatabaseError && error.severity === "ERROR";

/**
 * Runs the statement; on a pool, on a connection borrowed for it. pg's own Pool.query
 * closes the connection whenever the statement fails, even when PostgreSQL only refused it
 * (one of our RAISEs, a unique violation, a timeout) and the connection is fine. In a rush
 * most holds are refused: each refusal then cost a new connection, a backend started and
 * our functions compiled again, which queued everyone behind it. Only a connection that
 * failed (not a refusal PostgreSQL answered with) is dropped.
 */
async function run<R extends pg.QueryResultRow>(client: Queryable, { text, values }: Statement): Promise<pg.QueryResult<R>> {
  if (!(client instanceof pg.Pool)) return client.query<R>(text, values);
  const connection = await client.connect();
  let broken: Error | undefined;
  const failed = (error: Error) => (broken = error);
  connection.on("error", failed);
  try {
    return await connection.query<R>(text, values);
  } catch (error) {
    if (!isRefusal(error)) broken = error as Error;
    throw error;
  } finally {
    connection.off("error", failed);
    connection.release(broken);
  }
}

// Lock ordering should make deadlocks impossible; a retry keeps a rare serialization
// failure (or a deadlock we did not foresee) from ever reaching a user as a 500.
const ATTEMPTS = 3;
const isRetryable = (error: unknown) => hasErrorCode(error, ["40001", "40P01"]);

/**
 * A transaction on one pooled connection. BEGIN travels with its first statement and COMMIT
 * may travel with its last (`commitWith`): a round trip each saved, which is most of what a
 * short transaction costs. Riding along means one simple-protocol query, so the statement's
 * values are written into it as escaped literals — only where they are plain scalars; any
 * other statement goes on its own with its values as parameters.
 */
export class SqlTx implements Queryable {
  private state: "new" | "open" | "committed" = "new";

  constructor(private readonly client: pg.PoolClient) {}

  get begun(): boolean {
    return this.state !== "new";
  }

  async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    if (this.state === "committed") throw new Error("This transaction has committed.");
    if (this.state === "open") return this.client.query<R>(text, values);
    this.state = "open";
    const inline = inlined(this.client, text, values);
    if (inline === null) {
      await this.client.query("BEGIN");
      return this.client.query<R>(text, values);
    }
    const [, result] = (await this.client.query(`BEGIN; ${inline}`)) as unknown as pg.QueryResult<R>[];
    return result!;
  }

  /** Runs the transaction's last statement and commits, in one round trip where it can. */
  async commitWith<R extends pg.QueryResultRow>(statement: Statement): Promise<pg.QueryResult<R>> {
    const inline = this.state === "open" ? inlined(this.client, statement.text, statement.values) : null;
    if (inline === null) {
      const result = await this.query<R>(statement.text, statement.values);
      await this.commit();
      return result;
    }
    const [result] = (await this.client.query(`${inline}; COMMIT`)) as unknown as pg.QueryResult<R>[];
    this.state = "committed";
    return result!;
  }

  async commit(): Promise<void> {
    if (this.state === "open") await this.client.query("COMMIT");
    this.state = "committed";
  }
}

/**
 * The statement with its values written in as literals, or null when one is not a plain
 * scalar. Every literal is a quoted string, which PostgreSQL types from its context just as
 * it types a parameter: the statement means the same either way.
 */
function inlined(client: pg.PoolClient, text: string, values: unknown[]): string | null {
  const literals: string[] = [];
  for (const value of values) {
    if (value === null) literals.push("NULL");
    else if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) {
      literals.push(client.escapeLiteral(String(value)));
    } else return null;
  }
  return text.replace(/\$(\d+)\b/g, (_, n: string) => literals[Number(n) - 1]!);
}

/** Runs `work` in one transaction on one pooled connection, retried on deadlock or serialization failure. */
export async function inSqlTransaction<T>(pool: pg.Pool, work: (tx: SqlTx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    const tx = new SqlTx(client);
    let broken: Error | undefined;
    // Borrowed, a connection has no listener of the pool's: one that ends under us must not
    // be an uncaught 'error'.
    const failed = (error: Error) => (broken = error);
    client.on("error", failed);
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (error) {
      if (isDatabaseUnavailable(error)) broken = error as Error;
      else if (tx.begun) await client.query("ROLLBACK").catch((rollbackFailed: Error) => (broken = rollbackFailed));
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
    } finally {
      // A connection that failed is dropped from the pool, not handed to the next request.
      client.off("error", failed);
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
