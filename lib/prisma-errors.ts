/** True when the error, or anything it wraps, carries one of these codes (Prisma or SQLSTATE). */
export function hasErrorCode(error: unknown, codes: readonly string[]): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    for (const field of ["code", "originalCode"] as const) {
      const code = (e as Record<string, unknown>)[field];
      if (typeof code === "string" && codes.includes(code)) return true;
    }
  }
  return false;
}

export const isUniqueViolation = (error: unknown) => hasErrorCode(error, ["P2002", "23505"]);

/** A row lock asked for with NOWAIT was held by someone else. */
export const isLockNotAvailable = (error: unknown) => hasErrorCode(error, ["55P03"]) || /could not obtain lock/i.test(String((error as Error)?.message));
