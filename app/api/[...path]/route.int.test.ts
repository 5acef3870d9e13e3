import { describe, expect, it } from "vitest";
import { call } from "@/tests/helpers";
import * as unknownPath from "./route";

describe("/api/** with no route", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const)("answers %s with 404 problem+json", async (method) => {
    const response = await call(async () => unknownPath[method](), { method, path: "/api/v2/nothing" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.body).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });
});
