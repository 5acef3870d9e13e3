import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { encodeCursor } from "@/lib/pagination";
import { seedDemoData } from "@/prisma/seed";
import { call } from "@/tests/helpers";
import { GET } from "./route";

beforeAll(() => seedDemoData(db));

describe("GET /api/v1/concerts", () => {
  it("lists every concert but drafts across pages, without repeats, with upcoming dates in order", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await call(GET, { path: `/api/v1/concerts?limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      for (const concert of response.body.items) {
        seen.push(concert.id);
        expect([...concert.upcoming].sort()).toEqual(concert.upcoming);
      }
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await db.concert.count({ where: { status: { not: "DRAFT" } } }));
  });

  it("answers 400 for a bad limit or a forged cursor", async () => {
    expect((await call(GET, { path: "/api/v1/concerts?limit=1000" })).body.errors[0].field).toBe("query.limit");
    const forged = await call(GET, { path: "/api/v1/concerts?cursor=garbage" });
    expect(forged.status).toBe(400);
    expect(forged.body.errors[0].field).toBe("query.cursor");
  });

  it("answers 400, never 500, for a forged cursor carrying a NUL", async () => {
    const cursor = encodeCursor({ slug: "a\u0000" });
    const response = await call(GET, { path: `/api/v1/concerts?cursor=${cursor}` });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe("query.cursor");
  });
});
