import { db, type Db } from "./db";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Lock ordering should make deadlocks impossible; a retry keeps a rare serialization
// failure (or a deadlock we did not foresee) from ever reaching a user as a 500.
const RETRYABLE = new Set(["40001", "40P01"]);
const ATTEMPTS = 3;

function isRetryable(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && RETRYABLE.has(code)) return true;
    const original = (e as { originalCode?: unknown }).originalCode;
    if (typeof original === "string" && RETRYABLE.has(original)) return true;
  }
  return /deadlock detected|could not serialize/i.test(String((error as Error)?.message ?? ""));
}

/** Runs `work` in one interactive transaction, retried on deadlock or serialization failure. */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      // Under a rush, requests queue for a pooled connection; wait rather than fail.
      return await db.$transaction(work, { maxWait: 15_000, timeout: 15_000 });
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
    }
  }
}
