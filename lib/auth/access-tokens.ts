import { db } from "../db";
import { DomainError, NotFoundError } from "../errors";
import { afterCursor, newestFirst, newestFirstCursorOf, toPage, type Page, type PageQuery } from "../pagination";
import type { AccessTokenView, CreateAccessTokenBody } from "../schemas/access-tokens";
import { inTransaction } from "../transaction";
import { processCache } from "../ttl-cache";
import type { Identity } from "./identity";
import { TOKEN_SCOPES, type TokenScope } from "./scopes";
import { hashSecretToken, newSecretToken } from "./secret-token";
import { IDENTITY_CACHE_MS } from "./sessions";

const TOKEN_PREFIX = "sp_";
const DAY_MS = 24 * 60 * 60 * 1000;

/** Live (unrevoked, unexpired) tokens a user may have at once. */
export const MAX_LIVE_TOKENS = 20;

const viewSelect = { id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true, lastUsedAt: true } as const;

type ViewRecord = { id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; expiresAt: Date; lastUsedAt: Date | null };

function accessTokenView(record: ViewRecord): AccessTokenView {
  return {
    ...record,
    scopes: asScopes(record.scopes),
    createdAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt.toISOString(),
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
  };
}

// The table's CHECK constraint admits only TOKEN_SCOPES.
const asScopes = (scopes: string[]) => scopes as TokenScope[];

const liveAt = (now: Date) => ({ revokedAt: null, expiresAt: { gt: now } });

/**
 * Creates a personal access token. The secret is returned once and stored only as a hash.
 * Refused past MAX_LIVE_TOKENS: creations for one user queue on the user's row, so racing
 * requests cannot both pass the count.
 */
export async function createAccessToken(userId: string, input: CreateAccessTokenBody, now = new Date()): Promise<AccessTokenView & { token: string }> {
  const token = newSecretToken(TOKEN_PREFIX);
  const record = await inTransaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${userId}::uuid FOR NO KEY UPDATE`;
    if ((await tx.accessToken.count({ where: { userId, ...liveAt(now) } })) >= MAX_LIVE_TOKENS) {
      throw new DomainError("ACCESS_TOKEN_LIMIT_REACHED", `You already have ${MAX_LIVE_TOKENS} live tokens. Revoke one you no longer use first.`);
    }
    return tx.accessToken.create({
      data: {
        userId,
        name: input.name,
        // Stored in one canonical order, each once.
        scopes: TOKEN_SCOPES.filter((scope) => input.scopes.includes(scope)),
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: hashSecretToken(token),
      },
      select: viewSelect,
    });
  });
  return { ...accessTokenView(record), token };
}

/** The user's live tokens, newest first (never the secrets). */
export async function listAccessTokens(userId: string, query: PageQuery, now = new Date()): Promise<Page<AccessTokenView>> {
  const rows = await db.accessToken.findMany({
    where: { userId, ...liveAt(now), ...afterCursor(query.cursor) },
    orderBy: newestFirst,
    take: query.limit + 1,
    select: viewSelect,
  });
  return toPage(rows, query.limit, accessTokenView, newestFirstCursorOf);
}

/** Revokes one of the user's tokens: at once on this instance, within IDENTITY_CACHE_MS on the others. Someone else's is not found. */
export async function revokeAccessToken(userId: string, tokenId: string): Promise<void> {
  liveTokens.deleteWhere((_hash, live) => live.tokenId === tokenId);
  const { count } = await db.accessToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0 && !(await db.accessToken.findFirst({ where: { id: tokenId, userId }, select: { id: true } }))) {
    throw new NotFoundError("Access token");
  }
}

// Live tokens by hash, as sessions are cached: an unknown, revoked or expired one never is.
const liveTokens = processCache<string, { tokenId: string; identity: Omit<Identity, "via"> }>("auth.live-tokens", 10_000);

/** The owner of a live token and what the token may do, or null for an unknown, revoked or expired one. */
export async function findIdentityByAccessToken(token: string, now = new Date()): Promise<Omit<Identity, "via"> | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const tokenHash = hashSecretToken(token);
  const cached = liveTokens.get(tokenHash, now.getTime());
  if (cached) return cached.identity;
  const record = await db.accessToken.findUnique({
    where: { tokenHash },
    select: { id: true, revokedAt: true, expiresAt: true, scopes: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!record || record.revokedAt || record.expiresAt <= now) return null;
  await touch(record.id, record.lastUsedAt, now);
  const identity = { ...record.user, scopes: asScopes(record.scopes) };
  liveTokens.set(tokenHash, { tokenId: record.id, identity }, Math.min(now.getTime() + IDENTITY_CACHE_MS, record.expiresAt.getTime()));
  return identity;
}

// Recording every use would put a write on every API call; a minute's precision is enough.
const TOUCH_INTERVAL_MS = 60_000;

async function touch(id: string, lastUsedAt: Date | null, now: Date) {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < TOUCH_INTERVAL_MS) return;
  await db.accessToken.update({ where: { id }, data: { lastUsedAt: now }, select: { id: true } });
}
