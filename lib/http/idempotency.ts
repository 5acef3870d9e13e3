import { createHash, randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { db } from "../db";
import { DomainError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { inTransaction, type Tx } from "../transaction";
import { json } from "./responses";

export const IDEMPOTENCY_HEADER = "idempotency-key";

// A request whose process died between claiming its key and committing leaves the key
// IN_PROGRESS; well past the longest a request can run (three transaction attempts of at
// most 30 s each) another request may take it over. Even then the claim token keeps the
// first one, should it still be alive, from completing or freeing the key.
const STALE_AFTER_MS = 5 * 60_000;
/** Completed keys are kept this long (then purged by cron); a retry must come sooner. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60_000;

interface Outcome {
  status: number;
  body: Prisma.InputJsonValue;
}

type ExistingRecord = { requestHash: string; state: "IN_PROGRESS" | "COMPLETED"; responseStatus: number | null; responseBody: Prisma.JsonValue };

/**
 * Runs a state-changing request at most once per (user, operation, Idempotency-Key).
 * The key is claimed first (a concurrent twin gets 409); the operation and its stored
 * response commit in one transaction, so a replay returns exactly what the first request
 * answered and nothing happens twice. A request that fails frees its key for a retry
 * (failures are not replayed). `before` runs checks that need no transaction (and must
 * not hold one open while they use other connections), only for requests that are not replays.
 */
export async function idempotently(
  request: NextRequest,
  userId: string,
  scope: string,
  body: unknown,
  operation: { before?: () => Promise<void>; run: (tx: Tx) => Promise<Outcome> },
): Promise<Response> {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (!key || key.length > 255) {
    throw new DomainError("IDEMPOTENCY_KEY_MISSING", "Send an Idempotency-Key header (1–255 characters) so a retry cannot pay or charge twice.", [
      { field: "Idempotency-Key", message: key ? "must be at most 255 characters" : "is required" },
    ]);
  }
  const requestHash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
  const claimToken = randomUUID();
  const existing = await claim({ userId, scope, key, requestHash, claimToken });
  if (existing) return replay(existing, requestHash);

  const ours = { userId, scope, key, claimToken, state: "IN_PROGRESS" as const };
  try {
    await operation.before?.();
    const outcome = await inTransaction(async (tx) => {
      const result = await operation.run(tx);
      const completed = await tx.idempotencyRecord.updateMany({
        where: ours,
        data: { state: "COMPLETED", responseStatus: result.status, responseBody: result.body },
      });
      // Our claim was taken over: roll back rather than act twice.
      if (completed.count !== 1) throw new DomainError("IDEMPOTENCY_IN_PROGRESS", "Another request took over this Idempotency-Key. Retry to get its answer.");
      return result;
    });
    return json(outcome.body, outcome.status);
  } catch (error) {
    await db.idempotencyRecord.deleteMany({ where: ours });
    throw error;
  }
}

/** Claims the key; returns the record of whoever holds it instead. */
async function claim(record: { userId: string; scope: string; key: string; requestHash: string; claimToken: string }): Promise<ExistingRecord | null> {
  const { userId, scope, key, requestHash, claimToken } = record;
  for (;;) {
    const claimed = await db.$executeRaw`
      INSERT INTO idempotency_records (user_id, scope, key, request_hash, claim_token)
      VALUES (${userId}::uuid, ${scope}, ${key}, ${requestHash}, ${claimToken}::uuid)
      ON CONFLICT (user_id, scope, key) DO UPDATE
        SET request_hash = EXCLUDED.request_hash, claim_token = EXCLUDED.claim_token, created_at = now()
        WHERE idempotency_records.state = 'IN_PROGRESS'
          AND idempotency_records.created_at < now() - ${STALE_AFTER_MS} * interval '1 millisecond'`;
    if (claimed === 1) return null;
    const existing = await db.idempotencyRecord.findUnique({
      where: { userId_scope_key: { userId, scope, key } },
      select: { requestHash: true, state: true, responseStatus: true, responseBody: true },
    });
    // Freed by a failed request between our two statements: claim again.
    if (existing) return existing;
  }
}

function replay(record: ExistingRecord, requestHash: string): Response {
  if (record.requestHash !== requestHash) {
    throw new DomainError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different request. Use a new key.", [
      { field: "Idempotency-Key", message: "was used with a different body" },
    ]);
  }
  if (record.state === "IN_PROGRESS") {
    throw new DomainError("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still being processed. Retry shortly.");
  }
  return json(record.responseBody, record.responseStatus!, { "idempotent-replayed": "true" });
}

/** Drops completed keys past their retention (cron). */
export async function purgeIdempotencyRecords(): Promise<number> {
  const before = new Date(Date.now() - IDEMPOTENCY_RETENTION_MS);
  return db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: before }, state: "COMPLETED" } }).then((r) => r.count);
}
