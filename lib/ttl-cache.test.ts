import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache";

describe("TtlCache", () => {
  it("forgets an entry at its deadline", () => {
    const cache = new TtlCache<string, number>(10);
    cache.set("a", 1, 1_000);
    expect(cache.get("a", 999)).toBe(1);
    expect(cache.get("a", 1_000)).toBeUndefined();
  });

  it("drops the oldest entry past its size", () => {
    const cache = new TtlCache<string, number>(2);
    cache.set("a", 1, Infinity);
    cache.set("b", 2, Infinity);
    cache.set("a", 3, Infinity); // rewritten: now the newest
    cache.set("c", 4, Infinity);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([3, undefined, 4]);
  });

  it("shares one load between callers and keeps its value for the lifetime", async () => {
    const cache = new TtlCache<string, number>(10);
    let loads = 0;
    const load = async () => ({ value: ++loads, until: Date.now() + 60_000 });
    const values = await Promise.all([cache.getOrLoad("k", load), cache.getOrLoad("k", load)]);
    expect(values).toEqual([1, 1]);
    expect(await cache.getOrLoad("k", load)).toBe(1);
    expect(loads).toBe(1);
  });

  it("does not keep a value whose key was dropped while it loaded", async () => {
    const cache = new TtlCache<string, number>(10);
    let finish!: (n: number) => void;
    const first = cache.getOrLoad("k", () => new Promise<number>((resolve) => (finish = resolve)).then((value) => ({ value, until: Infinity })));
    cache.delete("k"); // a change happened: the value being loaded may predate it
    finish(1);
    expect(await first).toBe(1);
    expect(await cache.getOrLoad("k", async () => ({ value: 2, until: Infinity }))).toBe(2);
  });

  it("does not keep a failed load", async () => {
    const cache = new TtlCache<string, number>(10);
    await expect(cache.getOrLoad("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.getOrLoad("k", async () => ({ value: 7, until: Infinity }))).toBe(7);
  });
});
