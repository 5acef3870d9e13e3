import { db, type Db } from "./db";
import { hasErrorCode } from "./prisma-errors";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Lock ordering should make deadlocks impossible; a retry keeps a rare serialization
// failure (or a deadlock we did not foresee) from ever reaching a user as a 500.
const ATTEMPTS = 3;

const isRetryable = (error: unknown) =>
  hasErrorCode(error, ["40001", "40P01"]) || /deadlock detected|could not serialize/i.test(String((error as Error)?.message ?? ""));

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
