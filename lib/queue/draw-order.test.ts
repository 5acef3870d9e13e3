import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { commitmentOf, drawOrder, listHash, newEntryId, newSeed } from "./draw-order";
import { verifyDraw } from "./verify-draw";

const entries = (n: number) => Array.from({ length: n }, () => newEntryId());

describe("the on-sale draw", () => {
  it("orders by HMAC-SHA256(seed, entry id), the same for every reader, whatever order the list is read in", () => {
    const seed = Buffer.alloc(32, 7);
    const ids = ["c", "a", "b"];
    expect(drawOrder(seed, ids)).toEqual(drawOrder(seed, [...ids].reverse()));
    // Pinned: a change to the rules (which a published verifier relies on) must fail here.
    const key = (id: string) => createHmac("sha256", seed).update(id).digest("hex");
    expect(drawOrder(seed, ids)).toEqual([...ids].sort((x, y) => (key(x) < key(y) ? -1 : 1)));
    expect(listHash(["b", "a"])).toBe(listHash(["a", "b"]));
    expect(commitmentOf(seed)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives a different order for a different seed", () => {
    const ids = entries(50);
    expect(drawOrder(newSeed(), ids)).not.toEqual(drawOrder(newSeed(), ids));
  });

  it("is fair: over many draws every arrival slot's average position is the middle, and each comes first about equally often", () => {
    const n = 20;
    const draws = 4_000;
    const positionSums = new Array<number>(n).fill(0);
    const firsts = new Array<number>(n).fill(0);
    for (let d = 0; d < draws; d++) {
      const arrivals = entries(n); // index = arrival slot
      const order = drawOrder(newSeed(), arrivals);
      const positionOf = new Map(order.map((id, i) => [id, i + 1]));
      arrivals.forEach((id, slot) => {
        positionSums[slot]! += positionOf.get(id)!;
        if (positionOf.get(id) === 1) firsts[slot]!++;
      });
    }
    // Uniform positions 1..n: mean (n+1)/2, standard deviation of a slot's mean sqrt((n²−1)/12/draws) ≈ 0.09.
    for (const sum of positionSums) expect(Math.abs(sum / draws - (n + 1) / 2)).toBeLessThan(0.5);
    // Chi-square of who came first, 19 degrees of freedom: above 43.8 happens by chance once in a thousand.
    const expected = draws / n;
    const chiSquare = firsts.reduce((total, count) => total + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(43.8);
  });

  it("verifies a real draw and catches each kind of tampering", () => {
    const seed = newSeed();
    const ids = entries(1_000);
    const draw = { commitment: commitmentOf(seed), seed: seed.toString("hex"), listHash: listHash(ids), firstNumber: 1, entryIds: drawOrder(seed, ids) };
    const verified = verifyDraw(draw);
    expect(verified.ok).toBe(true);
    expect(verified.numbers.get(draw.entryIds[41]!)).toBe(42);

    const swapped = [...draw.entryIds];
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    const failing = (tampered: Partial<typeof draw>) => verifyDraw({ ...draw, ...tampered }).checks.filter((c) => !c.ok).map((c) => c.name);
    expect(failing({ entryIds: swapped })).toEqual(["order follows from seed and list"]);
    expect(failing({ seed: newSeed().toString("hex") })).toContain("seed matches commitment");
    expect(failing({ entryIds: [...draw.entryIds, newEntryId()] })).toContain("list matches its hash");
    expect(verifyDraw({ ...draw, seed: null, entryIds: null }).ok).toBe(false);
  });
});
