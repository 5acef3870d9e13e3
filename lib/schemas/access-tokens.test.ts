import { describe, expect, it } from "vitest";
import { createAccessTokenBody } from "./access-tokens";

describe("createAccessTokenBody", () => {
  it("refuses a NUL in the token name (PostgreSQL cannot store it)", () => {
    expect(createAccessTokenBody.safeParse({ name: "ci\u0000bot" }).success).toBe(false);
    expect(createAccessTokenBody.parse({ name: " ci bot " })).toMatchObject({ name: "ci bot" });
  });
});
