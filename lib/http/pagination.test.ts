import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor, pageQuery, toPage } from "./pagination";

describe("pagination", () => {
  it("round-trips a cursor and rejects tampered ones", () => {
    const schema = z.object({ slug: z.string() });
    expect(decodeCursor(encodeCursor({ slug: "a" }), schema)).toEqual({ slug: "a" });
    expect(decodeCursor("not base64 json", schema)).toBeNull();
    expect(decodeCursor(encodeCursor({ other: 1 }), schema)).toBeNull();
  });

  it("uses the extra row only to signal a next page", () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    const page = toPage(rows, 2, (r) => r.n, (r) => ({ n: r.n }));
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor!, z.object({ n: z.number() }))).toEqual({ n: 2 });
    expect(toPage(rows, 3, (r) => r.n, (r) => r).nextCursor).toBeNull();
  });

  it("bounds the page size", () => {
    expect(pageQuery.parse({}).limit).toBe(20);
    expect(pageQuery.safeParse({ limit: "0" }).success).toBe(false);
    expect(pageQuery.safeParse({ limit: "101" }).success).toBe(false);
  });
});
