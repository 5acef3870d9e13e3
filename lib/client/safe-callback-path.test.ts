import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

describe("safeCallbackPath", () => {
  it.each(["/", "/wallet", "/concerts/1/queue?x=1#top", "/%5Cevil.example"])("follows the same-origin path %j", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each([
    null,
    "",
    "wallet",
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
  ])("sends %j home instead", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });
});
