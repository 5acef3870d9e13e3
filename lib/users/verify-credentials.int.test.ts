import { describe, expect, it } from "vitest";
import { STRONG_PASSWORD } from "@/tests/helpers";
import { verifyCredentials } from "./verify-credentials";

describe("verifyCredentials", () => {
  // PostgreSQL refuses NUL; its error text would travel into the sign-in redirect.
  it("finds no account for an email the database cannot store, without asking it", async () => {
    await expect(verifyCredentials("fan\u0000@example.test", STRONG_PASSWORD)).resolves.toBeNull();
  });
});
