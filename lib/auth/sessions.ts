import { db, pool } from "../db";
import { queryRows, sql } from "../sql";
import type { Tx } from "../transaction";
import { processCache, processShared } from "../ttl-cache";

/** A session lasts this long from sign-in, however active (the cookie's JWT is re-issued on use). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** What a session cookie carries of its server-side session: the id, and when it ends (epoch seconds). */
export interface SessionClaims {
  sid: string;
  sexp: number;
}

/** Records a new browser session; its id and end travel in the session cookie. */
export async function startSession(userId: string, now = new Date()): Promise<SessionClaims> {
  const session = await db.session.create({
    data: { userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
    select: { id: true, expiresAt: true },
  });
  return { sid: session.id, sexp: Math.floor(session.expiresAt.getTime() / 1000) };
}

/**
 * How long an instance may go on trusting a session without hearing of its end. Signing
 * out acts at once on the instance that does it, and within this on every other.
 */
export const IDENTITY_CACHE_MS = 5_000;

/**
 * Whether the session still counts: not past its end, and not ended early (signed out).
 * Asks PostgreSQL nothing per request: the end comes with the cookie, and early ends from
 * a list each instance refreshes at most once per IDENTITY_CACHE_MS. Only cookies issued
 * before they carried the end (`sexp`) need their session row read, once.
 */
export async function isSessionLive({ sid, sub, sexp }: { sid: string; sub: string; sexp?: number }, now = new Date()): Promise<boolean> {
  const endsAt = typeof sexp === "number" ? sexp * 1000 : await storedSessionEnd(sid, sub);
  if (endsAt === null || endsAt <= now.getTime()) return false;
  return !(await endedSessions().includes(sid, now.getTime()));
}

// When each session ends, for cookies that do not say (it never changes once written).
const sessionEnds = processCache<string, number | null>("auth.session-ends", 50_000);

function storedSessionEnd(sessionId: string, userId: string): Promise<number | null> {
  return sessionEnds.getOrLoad(`${sessionId} ${userId}`, async () => {
    const [row] = await queryRows<{ expires_at: Date }>(pool(), sql`SELECT expires_at FROM sessions WHERE id = ${sessionId}::uuid AND user_id = ${userId}::uuid`);
    // An unknown session is asked about again later rather than remembered.
    return { value: row ? row.expires_at.getTime() : null, until: row ? row.expires_at.getTime() : Date.now() + IDENTITY_CACHE_MS };
  });
}

// Rows revoked at most this long before the last look are read again: covers clocks of
// instances that differ and revocations that commit after the look began.
const REVOCATION_OVERLAP = "1 minute";

/** The sessions ended early (signed out) that have not yet reached their end, as this instance last heard. */
export class EndedSessions {
  private readonly ends = new Map<string, number>(); // session id → when it would have ended
  private lookedAt: string | null = null; // PostgreSQL's clock at the last look
  private freshUntil = -Infinity;
  private looking: Promise<void> | null = null;

  async includes(sessionId: string, now: number): Promise<boolean> {
    if (now >= this.freshUntil) await this.refresh(now);
    return this.ends.has(sessionId);
  }

  /** Ended here: no need to wait for the next look. */
  add(sessionId: string, endsAt: number): void {
    this.ends.set(sessionId, endsAt);
  }

  // Callers that find the list stale at once share one look.
  private refresh(now: number): Promise<void> {
    this.looking ??= this.look(now).finally(() => (this.looking = null));
    return this.looking;
  }

  private async look(now: number): Promise<void> {
    const [found] = await queryRows<{ looked_at: string; ids: string[]; ends: Date[] }>(
      pool(),
      sql`SELECT now()::text AS looked_at, coalesce(array_agg(id::text), '{}') AS ids, coalesce(array_agg(expires_at), '{}') AS ends
            FROM sessions
           WHERE revoked_at IS NOT NULL AND expires_at > now()
             AND (${this.lookedAt}::timestamptz IS NULL OR revoked_at > ${this.lookedAt}::timestamptz - ${REVOCATION_OVERLAP}::interval)`,
    );
    found!.ids.forEach((id, i) => this.ends.set(id, found!.ends[i]!.getTime()));
    for (const [id, endsAt] of this.ends) if (endsAt <= now) this.ends.delete(id);
    this.lookedAt = found!.looked_at;
    this.freshUntil = now + IDENTITY_CACHE_MS;
  }
}

const endedSessions = () => processShared("auth.ended-sessions", () => new EndedSessions());

/** Signs one session out; its cookie is worthless from now on, wherever a copy of it is. */
export async function endSession(sessionId: string): Promise<void> {
  const ended = await queryRows<{ expires_at: Date }>(
    pool(),
    // Revoked already (elsewhere)? Its end is still read, so this instance counts it at once too.
    sql`UPDATE sessions SET revoked_at = coalesce(revoked_at, now()) WHERE id = ${sessionId}::uuid RETURNING expires_at`,
  );
  sessionsEnded(ended.map(({ expires_at }) => ({ id: sessionId, expires_at })));
}

export interface EndedSession {
  id: string;
  expires_at: Date;
}

/**
 * Signs the user out everywhere except `keepSessionId` (the one making the change), in
 * `tx`. Once that commits, pass what this returns to `sessionsEnded`.
 */
export function endOtherSessions(userId: string, keepSessionId: string | undefined, tx: Tx): Promise<EndedSession[]> {
  return tx.$queryRaw<EndedSession[]>`
    UPDATE sessions SET revoked_at = now()
     WHERE user_id = ${userId}::uuid AND revoked_at IS NULL AND id IS DISTINCT FROM ${keepSessionId ?? null}::uuid
    RETURNING id::text, expires_at`;
}

/** Sessions a committed change ended count as ended on this instance at once (on others within IDENTITY_CACHE_MS). */
export function sessionsEnded(ended: EndedSession[]): void {
  for (const { id, expires_at } of ended) endedSessions().add(id, expires_at.getTime());
}

/**
 * Drops sessions past their end (cron). One signed out early stays until then: a new
 * instance learns from it that the session's cookie, still unexpired, no longer counts.
 */
export async function purgeEndedSessions(now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
