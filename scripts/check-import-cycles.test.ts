import { describe, expect, it } from "vitest";
import { findCycles, importsOf } from "./check-import-cycles";

describe("import cycle check", () => {
  it("finds a cycle, and only real ones", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(findCycles(graph)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
    expect(findCycles(new Map([["a.ts", ["b.ts"]], ["b.ts", []], ["c.ts", ["a.ts", "b.ts"]]]))).toEqual([]);
  });

  it("follows the project's value imports and re-exports, not type-only ones or packages", () => {
    const source = [
      'import { db } from "../db";',
      'import type { Tx } from "../transaction";',
      'export { route } from "@/lib/http/route";',
      'import { z } from "zod";',
      'import "server-only";',
    ].join("\n");
    expect(importsOf("lib/wallet/x.ts", source)).toEqual(["lib/db.ts", "lib/http/route.ts"]);
  });
});
