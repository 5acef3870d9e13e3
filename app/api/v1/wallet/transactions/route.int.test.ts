import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/pagination";
import { call, createTestUser } from "@/tests/helpers";
import { GET } from "./route";

describe("GET /api/v1/wallet/transactions", () => {
  // Each of these reached PostgreSQL and failed there with a 500.
  it.each([
    ["a year-0 date", encodeCursor({ at: "0000-01-01T00:00:00Z", id: randomUUID() })],
    ["a date before 1970", encodeCursor({ at: "1969-12-31T23:59:59Z", id: randomUUID() })],
    ["a NUL in the cursor", "%00"],
  ])("answers 400 naming the cursor, never 500, for %s", async (_label, cursor) => {
    const user = await createTestUser();
    const response = await call(GET, { path: `/api/v1/wallet/transactions?cursor=${cursor}`, headers: user.auth });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: "VALIDATION_FAILED", errors: [{ field: "query.cursor" }] });
  });
});
