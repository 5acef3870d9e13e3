import { describe, expect, it } from "vitest";
import { signUpBody } from "./users";

const valid = { email: "  Fan@Example.COM ", password: "correct-horse-9", name: " Min-ji " };

function fieldsAtFault(input: unknown): string[] {
  const result = signUpBody.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
}

describe("signUpBody", () => {
  it("normalises email and name", () => {
    expect(signUpBody.parse(valid)).toEqual({ email: "fan@example.com", password: "correct-horse-9", name: "Min-ji" });
  });

  it.each([
    ["too short", "abc-12"],
    ["letters only", "onlyletterspassword"],
    ["digits only", "12345678901234"],
    ["too long", "a1".repeat(65)],
  ])("rejects a weak password (%s)", (_label, password) => {
    expect(fieldsAtFault({ ...valid, password })).toEqual(["password"]);
  });

  it.each(["not-an-email", "a@", "@b.com", `${"a".repeat(250)}@b.com`])("rejects a bad email %s", (email) => {
    expect(fieldsAtFault({ ...valid, email })).toEqual(["email"]);
  });

  it("refuses a NUL in the name (PostgreSQL cannot store it)", () => {
    expect(fieldsAtFault({ ...valid, name: "Min\u0000ji" })).toEqual(["name"]);
  });

  it("requires every field", () => {
    expect(fieldsAtFault({}).sort()).toEqual(["email", "name", "password"]);
    expect(fieldsAtFault({ ...valid, name: "   " })).toEqual(["name"]);
  });
});
