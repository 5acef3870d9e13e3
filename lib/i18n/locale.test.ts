import { describe, expect, it } from "vitest";
import { pickLocale } from "./locale";

describe("pickLocale", () => {
  it("gives a Korean browser Korean and anyone else English", () => {
    expect(pickLocale(undefined, "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("ko");
    expect(pickLocale(undefined, "en-GB,en;q=0.9")).toBe("en");
    expect(pickLocale(undefined, "ja-JP,ja;q=0.9")).toBe("en");
    expect(pickLocale(undefined, null)).toBe("en");
  });

  it("follows the browser's weights, not the order of the header", () => {
    expect(pickLocale(undefined, "en;q=0.5, ko;q=0.8")).toBe("ko");
    expect(pickLocale(undefined, "fr, ko;q=0.2, en;q=0.1")).toBe("ko");
    expect(pickLocale(undefined, "ko;q=0, en")).toBe("en");
  });

  it("keeps the language chosen with the switcher, and ignores a cookie naming one we do not speak", () => {
    expect(pickLocale("en", "ko-KR")).toBe("en");
    expect(pickLocale("ko", "en-US")).toBe("ko");
    expect(pickLocale("de", "ko-KR")).toBe("ko");
  });
});
