/** The error and everything it wraps: `cause` chains and Prisma's driver-adapter payloads. */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length) {
    const e = pending.pop();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const record = e as Record<string, unknown>;
    yield record;
    pending.push(record.cause, (record.meta as Record<string, unknown> | undefined)?.driverAdapterError);
  }
}

/** True when the error, or anything it wraps, carries one of these codes (Prisma or SQLSTATE). */
export function hasErrorCode(error: unknown, codes: readonly string[]): boolean {
  for (const e of chain(error)) {
    for (const field of ["code", "originalCode"] as const) {
      const code = e[field];
      if (typeof code === "string" && codes.includes(code)) return true;
    }
  }
  return false;
}

export const isUniqueViolation = (error: unknown) => hasErrorCode(error, ["P2002", "23505"]);

/** A row lock asked for with NOWAIT was held by someone else. */
export const isLockNotAvailable = (error: unknown) => hasErrorCode(error, ["55P03"]) || /could not obtain lock/i.test(String((error as Error)?.message));

const UNAVAILABLE_CODES = [
  // sockets
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN",
  // SQLSTATE: connection exceptions, server shutting down or starting, too many connections
  "08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03", "53300",
  // SQLSTATE: a statement past DATABASE_STATEMENT_TIMEOUT_MS; a replica promoted mid-transaction
  "57014", "25006",
  // Prisma: unreachable, timed out, connection closed, pool timeout, transaction could not start
  "P1001", "P1002", "P1017", "P2024", "P2028",
];
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// pg reports a dropped connection as a plain Error with only a message.
const UNAVAILABLE_MESSAGE = /connection terminated|connection error|terminating connection|database system is (starting up|shutting down|in recovery)|Client was closed|Connection ended|timeout exceeded when trying to connect/i;

/** The database could not be reached or dropped the connection: a 503, worth retrying. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (hasErrorCode(error, UNAVAILABLE_CODES)) return true;
  for (const e of chain(error)) {
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  }
  return false;
}

/** A refusal our SQL RAISEd (SQLSTATE P0001) under this name, however Prisma or pg wrapped it. */
export function isRaised(error: unknown, name: string): boolean {
  for (const e of chain(error)) {
    const raised = e.code === "P0001" || e.originalCode === "P0001";
    if (raised && (e.message === name || e.originalMessage === name)) return true;
  }
  return false;
}
