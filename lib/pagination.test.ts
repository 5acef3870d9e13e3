import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "./errors";
import { afterCursor, decodeCursor, encodeCursor, pageQuery, toPage } from "./pagination";

describe("pagination", () => {
  it("round-trips a cursor and rejects tampered ones", () => {
    const schema = z.object({ slug: z.string() });
    expect(decodeCursor(encodeCursor({ slug: "a" }), schema)).toEqual({ slug: "a" });
    expect(decodeCursor("not base64 json", schema)).toBeNull();
    expect(decodeCursor(encodeCursor({ other: 1 }), schema)).toBeNull();
  });

  it("refuses a cursor carrying a string the database cannot store", () => {
    const schema = z.object({ slug: z.string() });
    expect(decodeCursor(encodeCursor({ slug: "a\u0000b" }), schema)).toBeNull();
    expect(decodeCursor(encodeCursor({ slug: "\ud800" }), schema)).toBeNull();
    expect(pageQuery.safeParse({ cursor: "abc\u0000" }).success).toBe(false);
  });

  it.each(["0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z"])("refuses a newest-first cursor dated %s", (at) => {
    const cursor = encodeCursor({ at, id: "0b7c8f1e-6a2d-4c3b-9e5f-1a2b3c4d5e6f" });
    expect(() => afterCursor(cursor)).toThrow(ValidationError);
    expect(afterCursor(encodeCursor({ at: "2026-01-01T00:00:00Z", id: "0b7c8f1e-6a2d-4c3b-9e5f-1a2b3c4d5e6f" }))).toHaveProperty("OR");
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
