import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError, EmailTakenError } from "../errors";
import { errorTable } from "./error-table";
import { fieldErrors, knownProblem, problemFor } from "./problem";

describe("problem details", () => {
  it("maps every error code to a client or server status", () => {
    for (const [code, { status }] of Object.entries(errorTable)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
    }
  });

  it("turns a domain error into RFC 9457 fields with its code and field errors", () => {
    expect(knownProblem(new EmailTakenError())).toEqual({
      type: "https://stagepass.dev/problems/email-taken",
      title: "Email already registered",
      status: 409,
      detail: "An account with this email already exists.",
      code: "EMAIL_TAKEN",
      errors: [{ field: "email", message: "is already registered" }],
    });
  });

  it("omits an empty errors list", () => {
    expect(problemFor("NOT_FOUND", "Hold was not found.")).not.toHaveProperty("errors");
  });

  it("reports an unreachable database as 503, however deeply it is wrapped", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(knownProblem(new Error("query failed", { cause: refused }))?.status).toBe(503);
    expect(knownProblem(new DomainError("QUEUE_NOT_ACTIVE", "no"))?.status).toBe(403);
  });

  it("leaves unknown errors unmapped so they are logged as 500", () => {
    expect(knownProblem(new TypeError("boom"))).toBeNull();
  });

  it("names nested fields with dots and a prefix", () => {
    const result = z.object({ seats: z.array(z.uuid()) }).safeParse({ seats: ["nope"] });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error, "query")[0]?.field).toBe("query.seats.0");
  });
});
