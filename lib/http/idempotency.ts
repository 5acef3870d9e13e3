import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { db } from "../db";
import { DomainError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { inTransaction, type Tx } from "../transaction";
import { json } from "./responses";

export const IDEMPOTENCY_HEADER = "idempotency-key";

// A request whose process died between claiming its key and committing leaves the key
// IN_PROGRESS; well past any transaction's timeout it is safe to take over.
const STALE_AFTER_MS = 60_000;

interface Outcome {
  status: number;
  body: Prisma.InputJsonValue;
}

/**
 * Runs a state-changing request at most once per (user, operation, Idempotency-Key).
 * The key is claimed first (concurrent twins get 409); the operation and the stored
 * response commit in one transaction, so a replay returns exactly what the first request
 * answered and nothing is charged twice. A failed request frees its key for a retry.
 * `before` runs checks that need no transaction (and must not hold one open while they
 * use other connections), only for requests that are not replays.
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
  const record = await claim(userId, scope, key, requestHash);
  if (record) return replay(record, requestHash);

  try {
    await operation.before?.();
    const outcome = await inTransaction(async (tx) => {
      const result = await operation.run(tx);
      await tx.idempotencyRecord.update({
        where: { userId_scope_key: { userId, scope, key } },
        data: { state: "COMPLETED", responseStatus: result.status, responseBody: result.body },
      });
      return result;
    });
    return json(outcome.body, outcome.status);
  } catch (error) {
    await db.idempotencyRecord.deleteMany({ where: { userId, scope, key, state: "IN_PROGRESS" } });
    throw error;
  }
}

type ExistingRecord = { requestHash: string; state: "IN_PROGRESS" | "COMPLETED"; responseStatus: number | null; responseBody: Prisma.JsonValue };

/** Claims the key; returns the existing record when someone already holds it. */
async function claim(userId: string, scope: string, key: string, requestHash: string): Promise<ExistingRecord | null> {
  const inserted = await db.$executeRaw`
    INSERT INTO idempotency_records (user_id, scope, key, request_hash)
    VALUES (${userId}::uuid, ${scope}, ${key}, ${requestHash})
    ON CONFLICT (user_id, scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
      WHERE idempotency_records.state = 'IN_PROGRESS'
        AND idempotency_records.created_at < now() - ${STALE_AFTER_MS} * interval '1 millisecond'`;
  if (inserted === 1) return null;
  return db.idempotencyRecord.findUniqueOrThrow({
    where: { userId_scope_key: { userId, scope, key } },
    select: { requestHash: true, state: true, responseStatus: true, responseBody: true },
  });
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
