import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { afterCursor, newestFirst, newestFirstCursorOf, toPage, type Page, type PageQuery } from "../http/pagination";
import type { AccessTokenView } from "../schemas/access-tokens";
import type { Identity } from "./identity";

const TOKEN_PREFIX = "sp_";

export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const viewSelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true } as const;

function accessTokenView(record: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }): AccessTokenView {
  return { ...record, createdAt: record.createdAt.toISOString(), lastUsedAt: record.lastUsedAt?.toISOString() ?? null };
}

/** Creates a personal access token. The secret is returned once and stored only as a hash. */
export async function createAccessToken(userId: string, name: string): Promise<AccessTokenView & { token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const record = await db.accessToken.create({
    data: { userId, name, prefix: token.slice(0, TOKEN_PREFIX.length + 6), tokenHash: hashAccessToken(token) },
    select: viewSelect,
  });
  return { ...accessTokenView(record), token };
}

/** The user's live tokens, newest first (never the secrets). */
export async function listAccessTokens(userId: string, query: PageQuery): Promise<Page<AccessTokenView>> {
  const rows = await db.accessToken.findMany({
    where: { userId, revokedAt: null, ...afterCursor(query.cursor) },
    orderBy: newestFirst,
    take: query.limit + 1,
    select: viewSelect,
  });
  return toPage(rows, query.limit, accessTokenView, newestFirstCursorOf);
}

/** Revokes one of the user's tokens; it stops working on its next use. Someone else's is not found. */
export async function revokeAccessToken(userId: string, tokenId: string): Promise<void> {
  const { count } = await db.accessToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0 && !(await db.accessToken.findFirst({ where: { id: tokenId, userId }, select: { id: true } }))) {
    throw new NotFoundError("Access token");
  }
}

/** The owner of a live token, or null for an unknown or revoked one. */
export async function findIdentityByAccessToken(token: string): Promise<Omit<Identity, "via"> | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const record = await db.accessToken.findUnique({
    where: { tokenHash: hashAccessToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!record || record.revokedAt) return null;
  await touch(record.id, record.lastUsedAt);
  return record.user;
}

// Recording every use would put a write on every API call; a minute's precision is enough.
const TOUCH_INTERVAL_MS = 60_000;

async function touch(id: string, lastUsedAt: Date | null) {
  const now = new Date();
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < TOUCH_INTERVAL_MS) return;
  await db.accessToken.update({ where: { id }, data: { lastUsedAt: now }, select: { id: true } });
}
