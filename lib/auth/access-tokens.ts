import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import type { Identity } from "./identity";

const TOKEN_PREFIX = "sp_";

export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a personal access token. The secret is returned once and stored only as a hash. */
export async function createAccessToken(userId: string, name: string) {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const record = await db.accessToken.create({
    data: { userId, name, prefix: token.slice(0, TOKEN_PREFIX.length + 6), tokenHash: hashAccessToken(token) },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return { ...record, token };
}

/** The owner of a live token, or null for an unknown or revoked one. */
export async function findIdentityByAccessToken(token: string): Promise<Identity | null> {
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
