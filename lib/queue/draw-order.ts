import { createHash, createHmac, randomBytes } from "node:crypto";

// The on-sale draw, commit-reveal. Before anyone can enter, the seed's SHA-256 (the
// commitment) is public; at the open the seed is revealed with the closed list of entry
// ids, and the order follows from both: entries sorted by HMAC-SHA256(seed, entryId).
// Anyone can recompute it (scripts/draw-verify.ts). Pure: no I/O, shared with the verifier.

export const DRAW_ALGORITHM = "entries sorted by hex HMAC-SHA256(key = seed bytes, message = entry id as UTF-8), ascending";
export const LIST_HASH_ALGORITHM = "hex SHA-256 of the entry ids sorted ascending (code-unit order), joined with \\n";

export const newSeed = (): Buffer => randomBytes(32);

/** What is published before the draw: the seed's hex SHA-256. */
export const commitmentOf = (seed: Buffer): string => createHash("sha256").update(seed).digest("hex");

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The closed list's fingerprint, independent of the order it was read in. */
export const listHash = (entryIds: readonly string[]): string =>
  createHash("sha256").update([...entryIds].sort(byCodeUnit).join("\n")).digest("hex");

/** The entry ids in drawn order: O(n log n), one HMAC per entry. */
export function drawOrder(seed: Buffer, entryIds: readonly string[]): string[] {
  const keyed = entryIds.map((id) => ({ id, key: createHmac("sha256", seed).update(id).digest("hex") }));
  // Keys collide with negligible probability; the id breaks a tie all the same.
  keyed.sort((a, b) => byCodeUnit(a.key, b.key) || byCodeUnit(a.id, b.id));
  return keyed.map((entry) => entry.id);
}

/** A new opaque entry id: 128 random bits, nothing about the user. */
export const newEntryId = (): string => randomBytes(16).toString("base64url");
