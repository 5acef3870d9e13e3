import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { db, pool } from "../db";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../prisma-errors";
import { inSqlTransaction, queryRows, sql, type Queryable, type SqlTx } from "../sql";
import { jsonText } from "./responses";

export const IDEMPOTENCY_HEADER = "idempotency-key";

/** Completed keys are kept this long (then purged by cron); a retry must come sooner. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60_000;

export interface IdempotentRequest {
  userId: string;
  scope: string;
  key: string;
  requestHash: string;
}

/** The request's Idempotency-Key and a hash of its body, or 400 naming the header. */
export function idempotentRequest(request: NextRequest, userId: string, scope: string, body: unknown): IdempotentRequest {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (!key || key.length > 255) {
    throw new DomainError("IDEMPOTENCY_KEY_MISSING", "Send an Idempotency-Key header (1–255 characters) so a retry cannot pay or charge twice.", [
      { field: "Idempotency-Key", message: key ? "must be at most 255 characters" : "is required" },
    ]);
  }
  return { userId, scope, key, requestHash: createHash("sha256").update(JSON.stringify(body ?? null)).digest("hex") };
}

interface StoredAnswer {
  request_hash: string | null;
  response_status: number | null;
  response_body: string | null;
}

/** The stored answer to an earlier request with this key, if it completed. */
export async function findReplay(req: IdempotentRequest, client: Queryable = pool()): Promise<Response | null> {
  const [record] = await queryRows<StoredAnswer>(
    client,
    sql`SELECT request_hash, response_status, response_body::text AS response_body FROM idempotency_records
         WHERE user_id = ${req.userId}::uuid AND scope = ${req.scope} AND key = ${req.key}`,
  );
  return replayOf(req, record);
}

function replayOf(req: IdempotentRequest, record: StoredAnswer | undefined): Response | null {
  if (!record?.request_hash) return null;
  if (record.request_hash !== req.requestHash) {
    throw new DomainError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different request. Use a new key.", [
      { field: "Idempotency-Key", message: "was used with a different body" },
    ]);
  }
  return jsonText(record.response_body!, record.response_status!, { "idempotent-replayed": "true" });
}

/**
 * Runs `work` at most once per (user, operation, key). While it runs, the transaction holds
 * an advisory lock on the key (a concurrent twin gets 409 at once); the answer is stored in
 * the same transaction as the work. A request that fails, crashes or loses its connection
 * before committing therefore leaves nothing behind: the lock goes with its transaction, and
 * a retry simply runs again. Failures are not stored, so a fixed retry can succeed.
 */
export async function runOnce(req: IdempotentRequest, work: (tx: SqlTx) => Promise<Response>): Promise<Response> {
  try {
    return await inSqlTransaction(pool(), async (tx) => {
      // Lock and look again in the round trip that begins: a twin may have committed since our caller's look.
      const [claim] = await queryRows<StoredAnswer & { locked: boolean }>(
        tx,
        sql`SELECT pg_try_advisory_xact_lock(hashtextextended(${`${req.userId}:${req.scope}:${req.key}`}, 0)) AS locked,
                   r.request_hash, r.response_status, r.response_body::text AS response_body
              FROM (SELECT 1) AS one
              LEFT JOIN idempotency_records r ON r.user_id = ${req.userId}::uuid AND r.scope = ${req.scope} AND r.key = ${req.key}`,
      );
      // A stored answer is the answer, whoever holds the lock (another retry may be reading it too).
      const replay = replayOf(req, claim);
      if (replay) return replay;
      if (!claim!.locked) throw new DomainError("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still being processed. Retry in a moment.");
      const response = await work(tx);
      // Read once and answered from the same text (a clone would split the body in two streams).
      const answer = await response.text();
      // The answer is stored by the round trip that commits.
      await tx.commitWith(
        sql`INSERT INTO idempotency_records (user_id, scope, key, request_hash, response_status, response_body)
            VALUES (${req.userId}::uuid, ${req.scope}, ${req.key}, ${req.requestHash}, ${response.status}, ${answer}::jsonb)`,
      );
      return jsonText(answer, response.status, Object.fromEntries(response.headers));
    });
  } catch (error) {
    // A twin committed in the instant between our look and our lock: its answer is the answer.
    if (isUniqueViolation(error)) {
      const replay = await findReplay(req);
      if (replay) return replay;
    }
    throw error;
  }
}

/** Drops keys past their retention (cron). */
export async function purgeIdempotencyRecords(): Promise<number> {
  const before = new Date(Date.now() - IDEMPOTENCY_RETENTION_MS);
  return db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: before } } }).then((r) => r.count);
}
