import { describe, expect, it } from "vitest";
import { isStorableText, text } from "./text";

describe("text", () => {
  it.each(["", "Min-ji", "민지 🎤", "tab\tand\nnewline"])("accepts %j", (value) => {
    expect(text().safeParse(value).success).toBe(true);
  });

  it.each([
    ["a NUL", "a\u0000b"],
    ["a lone high surrogate", "a\ud83cb"],
    ["a lone low surrogate", "\udfa4"],
  ])("refuses %s", (_label, value) => {
    expect(isStorableText(value)).toBe(false);
    expect(text().safeParse(value).error?.issues[0]?.message).toBe("must not contain NUL or unpaired surrogate characters");
  });
});
