import { describe, expect, it } from "vitest";
import { call } from "@/tests/helpers";
import { GET } from "./route";

describe("GET /api/v1/health", () => {
  it("reports the database as up", async () => {
    const response = await call(GET);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "ok", database: { status: "up" } });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
