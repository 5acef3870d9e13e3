import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { db } from "../db";
import { DomainError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { inTransaction, type Tx } from "../transaction";
import { json } from "./responses";

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

/** The stored answer to an earlier request with this key, if it completed. */
export async function findReplay(req: IdempotentRequest, client: Tx | typeof db = db): Promise<Response | null> {
  const record = await client.idempotencyRecord.findUnique({
    where: { userId_scope_key: { userId: req.userId, scope: req.scope, key: req.key } },
    select: { requestHash: true, responseStatus: true, responseBody: true },
  });
  if (!record) return null;
  if (record.requestHash !== req.requestHash) {
    throw new DomainError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different request. Use a new key.", [
      { field: "Idempotency-Key", message: "was used with a different body" },
    ]);
  }
  return json(record.responseBody, record.responseStatus, { "idempotent-replayed": "true" });
}

/**
 * Runs `work` at most once per (user, operation, key). While it runs, the transaction holds
 * an advisory lock on the key (a concurrent twin gets 409 at once); the answer is stored in
 * the same transaction as the work. A request that fails, crashes or loses its connection
 * before committing therefore leaves nothing behind: the lock goes with its transaction, and
 * a retry simply runs again. Failures are not stored, so a fixed retry can succeed.
 */
export async function runOnce(req: IdempotentRequest, work: (tx: Tx) => Promise<Response>): Promise<Response> {
  return inTransaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`
      SELECT pg_try_advisory_xact_lock(hashtextextended(${`${req.userId}:${req.scope}:${req.key}`}, 0)) AS locked`;
    if (!locked) throw new DomainError("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still being processed. Retry in a moment.");
    // A twin may have committed between our caller's look and our lock.
    const replay = await findReplay(req, tx);
    if (replay) return replay;
    const response = await work(tx);
    await tx.idempotencyRecord.create({
      data: {
        userId: req.userId,
        scope: req.scope,
        key: req.key,
        requestHash: req.requestHash,
        responseStatus: response.status,
        responseBody: (await response.clone().json()) as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    return response;
  });
}

/** Drops keys past their retention (cron). */
export async function purgeIdempotencyRecords(): Promise<number> {
  const before = new Date(Date.now() - IDEMPOTENCY_RETENTION_MS);
  return db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: before } } }).then((r) => r.count);
}
