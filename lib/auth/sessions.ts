import { db, pool } from "../db";
import { queryRows, sql } from "../sql";
import type { Tx } from "../transaction";
import { processCache } from "../ttl-cache";

/** A session lasts this long from sign-in, however active (the cookie's JWT is re-issued on use). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Records a new browser session; its id travels in the session cookie as `sid`. */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const session = await db.session.create({
    data: { userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
    select: { id: true },
  });
  return session.id;
}

/**
 * How long an instance may go on trusting a session it found live without asking again.
 * Signing out acts at once on the instance that does it, and within this on every other.
 */
export const IDENTITY_CACHE_MS = 5_000;

// Live sessions (id → user id); a revoked or unknown one is never cached.
const liveSessions = processCache<string, string>("auth.live-sessions", 50_000);

/** Whether the session still counts: a primary-key read, at most once per IDENTITY_CACHE_MS per instance. */
export async function isSessionLive(sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  if (liveSessions.get(sessionId, now.getTime()) === userId) return true;
  const [live] = await queryRows<{ expires_at: Date }>(
    pool(),
    sql`SELECT expires_at FROM sessions
         WHERE id = ${sessionId}::uuid AND user_id = ${userId}::uuid AND revoked_at IS NULL AND expires_at > ${now}`,
  );
  if (live) liveSessions.set(sessionId, userId, Math.min(now.getTime() + IDENTITY_CACHE_MS, live.expires_at.getTime()));
  return live !== undefined;
}

/** Signs one session out; its cookie is worthless from now on, wherever a copy of it is. */
export async function endSession(sessionId: string): Promise<void> {
  liveSessions.delete(sessionId);
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Signs the user out everywhere except `keepSessionId` (the one making the change). */
export async function endOtherSessions(userId: string, keepSessionId: string | undefined, { tx }: { tx?: Tx } = {}): Promise<void> {
  liveSessions.deleteWhere((sessionId, owner) => owner === userId && sessionId !== keepSessionId);
  await (tx ?? db).session.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
}

/** Drops sessions that can no longer count: expired, or signed out a day ago or more (cron). */
export async function purgeEndedSessions(now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000);
  const { count } = await db.session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { revokedAt: { lte: dayAgo } }] } });
  return count;
}
