import { commitmentOf, drawOrder, listHash } from "./draw-order";

/** What a verifier needs of a published draw (the GET …/queue/draw answer). */
export interface DrawRecord {
  commitment: string;
  seed: string | null;
  listHash: string | null;
  firstNumber: number | null;
  entryIds: string[] | null;
}

export type DrawCheckId = "revealed" | "commitment" | "listHash" | "unique" | "order";

export interface DrawCheck {
  id: DrawCheckId;
  name: string;
  ok: boolean;
  detail: string;
}

export interface DrawVerification {
  ok: boolean;
  checks: DrawCheck[];
  /** Line number by entry id, as recomputed from the seed and the list. */
  numbers: Map<string, number>;
}

/**
 * Recomputes a published draw from its own data: the seed matches the commitment, the list
 * matches its hash, and every entry's place follows from HMAC-SHA256(seed, entryId).
 */
export function verifyDraw(draw: DrawRecord): DrawVerification {
  if (draw.seed === null || draw.entryIds === null || draw.listHash === null || draw.firstNumber === null) {
    return { ok: false, checks: [{ id: "revealed", name: "revealed", ok: false, detail: "the draw has not been made yet: only its commitment is published" }], numbers: new Map() };
  }
  const seed = Buffer.from(draw.seed, "hex");
  const published = draw.entryIds;
  const recomputed = drawOrder(seed, published);
  const firstDifference = recomputed.findIndex((id, i) => id !== published[i]);
  const unique = new Set(published).size === published.length;
  const entries = (n: number) => `${n} ${n === 1 ? "entry" : "entries"}`;
  const checks: DrawCheck[] = [
    { id: "commitment", name: "seed matches commitment", ok: seed.length === 32 && commitmentOf(seed) === draw.commitment, detail: `SHA-256(seed) = ${commitmentOf(seed)}` },
    { id: "listHash", name: "list matches its hash", ok: listHash(published) === draw.listHash, detail: `${entries(published.length)}, hash ${listHash(published)}` },
    { id: "unique", name: "entry ids are unique", ok: unique, detail: unique ? "no entry appears twice" : `${published.length - new Set(published).size} repeated` },
    {
      id: "order",
      name: "order follows from seed and list",
      ok: firstDifference === -1,
      detail: firstDifference === -1 ? `${entries(published.length)} recomputed, every position equal` : `first difference at position ${firstDifference + 1}`,
    },
  ];
  const numbers = new Map(recomputed.map((id, i) => [id, draw.firstNumber! + i]));
  return { ok: checks.every((check) => check.ok), checks, numbers };
}
