import { db } from "../db";
import { DomainError } from "../errors";
import { processCache } from "../ttl-cache";
import { defaultQueueDeps, type QueueDeps } from "./enter-queue";
import { verifyQueueToken, type QueueClaims } from "./queue-token";

export const QUEUE_TOKEN_HEADER = "x-queue-token";

/** The caller's own queue token: signed by us, unexpired, and issued to this user. */
export async function requireOwnQueueToken(token: string | null, userId: string, now: Date): Promise<QueueClaims> {
  if (!token) throw new DomainError("QUEUE_TOKEN_MISSING", `Send your queue token in the ${QUEUE_TOKEN_HEADER} header.`);
  const claims = await verifyQueueToken(token, now);
  if (claims.userId !== userId) throw new DomainError("QUEUE_TOKEN_NOT_YOURS", "This queue token was issued to another account.");
  return claims;
}

/**
 * How long a read (a seat map, the dates) may go on trusting the store's "ACTIVE" on this
 * instance: a shopper refreshing every second then costs the store nothing most times. A
 * place that ends meanwhile may read for this much longer; anything that changes data asks
 * the store every time, and leaving or paying forgets the place here at once.
 */
export const ACTIVE_FOR_READS_MS = 2_000;
const activeForReads = processCache<string, Date>("queue.active-for-reads", 100_000);
const placeKey = (claims: QueueClaims) => `${claims.concertId}:${claims.userId}:${claims.number}`;

/** Forgets a place this instance saw ACTIVE (it was just given up). */
export function forgetActivePlace(claims: QueueClaims): void {
  activeForReads.delete(placeKey(claims));
}

/** A place in line whose holder is shopping now, and when that shopping time ends. */
export interface ActivePlace extends QueueClaims {
  activeUntil: Date;
}

/**
 * The one guard for queue-protected resources: the caller's own token, for the
 * resource's concert, and the store says its holder is shopping (ACTIVE) right now
 * (for a `read`, said so within ACTIVE_FOR_READS_MS).
 */
export async function requireActiveQueueToken(
  token: string | null,
  userId: string,
  concertId: string,
  deps = defaultQueueDeps(),
  access: "read" | "write" = "write",
): Promise<ActivePlace> {
  const now = deps.clock.now();
  const claims = await requireOwnQueueToken(token, userId, now);
  if (claims.concertId !== concertId) {
    throw new DomainError("QUEUE_TOKEN_WRONG_CONCERT", "This queue token is for another concert's line.");
  }
  // A pre-queue token (number 0) never shops: the status poll swaps it for a numbered one after the draw.
  if (claims.number === 0) throw notActive();
  const key = placeKey(claims);
  const seen = access === "read" ? activeForReads.get(key, now.getTime()) : undefined;
  if (seen) return { ...claims, activeUntil: seen };
  const activeUntil = (await deps.store.activeUntil(concertId, userId, claims.number, now)) ?? (await resumeWithLiveHold(claims, now, deps));
  if (!activeUntil) throw notActive();
  activeForReads.set(key, activeUntil, Math.min(now.getTime() + ACTIVE_FOR_READS_MS, activeUntil.getTime()));
  return { ...claims, activeUntil };
}

const notActive = () => new DomainError("QUEUE_NOT_ACTIVE", "Your turn has not come yet, or your shopping time is over. Check the waiting room.");

/**
 * After the store lost its state, a live hold proves its owner was shopping (holds need
 * an ACTIVE place): they get their place back until the hold expires, so they can pay.
 */
async function resumeWithLiveHold(claims: QueueClaims, now: Date, deps: QueueDeps): Promise<Date | null> {
  const hold = await db.hold.findFirst({
    where: { userId: claims.userId, status: "ACTIVE", expiresAt: { gt: now }, schedule: { concertId: claims.concertId } },
    orderBy: { expiresAt: "desc" },
    select: { expiresAt: true },
  });
  return hold && (await deps.store.resume(claims.concertId, claims.userId, claims.number, hold.expiresAt, now)) ? hold.expiresAt : null;
}
