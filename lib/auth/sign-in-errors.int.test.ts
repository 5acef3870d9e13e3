import { afterEach, describe, expect, it, vi } from "vitest";
import { signInWithPassword } from "@/tests/next-auth";
import { verifyCredentials } from "../users/verify-credentials";

// A database fault during sign-in, with the kind of text a driver puts in its message.
vi.mock("../users/verify-credentials", () => ({ verifyCredentials: vi.fn() }));
const RAW = 'Invalid `prisma.user.findUnique()` invocation: connect ECONNREFUSED 10.0.0.7:5432 (user "stagepass")';

describe("sign-in errors", () => {
  afterEach(() => vi.restoreAllMocks());

  it("put only a fixed code into the redirect, never the error's text, and log it on the server", async () => {
    vi.mocked(verifyCredentials).mockRejectedValue(new Error(RAW));
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { error, redirect, sessionToken } = await signInWithPassword("fan@example.test", "whatever-it-is-1");
    expect(error).toBe("SignInUnavailable");
    expect(decodeURIComponent(redirect)).not.toContain("ECONNREFUSED");
    expect(sessionToken).toBeNull();
    const logged = log.mock.calls.map((args) => String(args[0])).find((line) => line.includes('"job":"sign-in"'));
    expect(logged).toContain("ECONNREFUSED");
    expect(logged).not.toContain("whatever-it-is-1");
  });
});
