import { createHmac } from "node:crypto";
import { createChallenge, extractParams, verifySolution } from "altcha-lib/v1";
import type { Challenge } from "altcha-lib/v1/types";
import { pool } from "../db";
import { env } from "../env";
import { DomainError } from "../errors";
import { execute, sql } from "../sql";

// The bot challenge on entering a line: proof of work (ALTCHA's scheme). The server hides
// a random number up to the concert's difficulty in SHA-256(salt + number); a browser finds
// it by trying numbers, about difficulty/2 hashes on average, while checking costs the
// server one hash and one HMAC. A challenge names its account and concert, expires in
// minutes and is accepted once.

export const CHALLENGE_TTL_MS = 5 * 60_000;

const hmacKey = () => createHmac("sha256", env().QUEUE_TOKEN_SECRET).update("stagepass entry challenge").digest("hex");

export function createEntryChallenge(concertId: string, userId: string, difficulty: number, now: Date): Promise<Challenge> {
  return createChallenge({
    hmacKey: hmacKey(),
    maxNumber: difficulty,
    params: { concertId, userId },
    expires: new Date(now.getTime() + CHALLENGE_TTL_MS),
  });
}

const required = (message: string) => new DomainError("CHALLENGE_REQUIRED", message);

/** Accepts a solved challenge (base64 JSON, as the waiting room sends it) once; throws CHALLENGE_REQUIRED otherwise. */
export async function redeemEntryChallenge(solved: string | null, concertId: string, userId: string): Promise<void> {
  if (!solved) throw required("This line asks each entrant to solve a challenge first: get one from GET /queue/challenge.");
  let payload: { signature?: unknown };
  try {
    payload = JSON.parse(Buffer.from(solved, "base64").toString("utf8"));
  } catch {
    throw required("The challenge solution is not base64-encoded JSON.");
  }
  // verifySolution checks the hash, the server's signature and the expiry.
  const valid = typeof payload?.signature === "string" && (await verifySolution(payload as never, hmacKey(), true).catch(() => false));
  if (!valid) throw required("The challenge solution is wrong or has expired: solve a new one.");
  const params = extractParams(payload as never);
  if (params.concertId !== concertId || params.userId !== userId) throw required("This challenge was made for another line or account.");
  const used = await execute(
    pool(),
    sql`INSERT INTO used_challenges (signature, expires_at) VALUES (${payload.signature}, ${new Date(Number(params.expires) * 1000)})
        ON CONFLICT (signature) DO NOTHING`,
  );
  if (used === 0) throw required("This challenge was already used: solve a new one.");
}

/** Forgets used challenges that have expired anyway (the cron tick). */
export const purgeUsedChallenges = (now: Date) => execute(pool(), sql`DELETE FROM used_challenges WHERE expires_at < ${now}`);
