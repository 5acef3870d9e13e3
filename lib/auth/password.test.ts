import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("correct-horse-battery-9");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    await expect(verifyPassword("correct-horse-battery-9", stored)).resolves.toBe(true);
    await expect(verifyPassword("correct-horse-battery-8", stored)).resolves.toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same-password-1"), hashPassword("same-password-1")]);
    expect(a).not.toBe(b);
  });

  it("rejects malformed stored hashes instead of throwing", async () => {
    for (const stored of ["", "plain", "bcrypt$10$abc$def", "scrypt$0$8$1$c2FsdA$aGFzaA", "scrypt$x$8$1$c2FsdA$aGFzaA"]) {
      await expect(verifyPassword("anything-1", stored)).resolves.toBe(false);
    }
  });

  it("treats canonically equivalent unicode passwords as the same", async () => {
    const stored = await hashPassword("caf\u00e9-password-1");
    await expect(verifyPassword("cafe\u0301-password-1", stored)).resolves.toBe(true);
  });
});
