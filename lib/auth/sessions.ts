import { db } from "../db";
import type { Tx } from "../transaction";

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

/** Whether the session still counts: one primary-key read per request, no cache to go stale. */
export async function isSessionLive(sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  const live = await db.session.findFirst({
    where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  return live !== null;
}

/** Signs one session out; its cookie is worthless from now on, wherever a copy of it is. */
export async function endSession(sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Signs the user out everywhere except `keepSessionId` (the one making the change). */
export async function endOtherSessions(userId: string, keepSessionId: string | undefined, { tx }: { tx?: Tx } = {}): Promise<void> {
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
