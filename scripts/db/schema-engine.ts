import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";

// Prisma's schema engine compiled to WebAssembly renders migration SQL offline, where the
// CLI's native engine cannot be downloaded. Only schema-to-schema diffs are used: the
// engine's database introspection does not work through the pg adapter.

export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

let loaded: Promise<void> | undefined;

function loadEngine(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": engineModule,
    });
    engineModule.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

/**
 * SQL that turns a database built from schema `from` (or an empty one) into schema `to`.
 * The engine insists on a live connection (`serverUrl`) even though it reads nothing from it.
 */
export async function diffSchemas(serverUrl: string, from: string | null, to: string): Promise<string> {
  await loadEngine();
  const file = (content: string) => [{ path: "schema.prisma", content }];
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: serverUrl }));
  const engine = await engineModule.SchemaEngine.new({ datamodels: [["schema.prisma", to]] }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: file(from) },
      to: { tag: "schemaDatamodel", files: file(to) },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (result.stdout ?? "").replace(/^-- This is an empty migration\.\s*$/m, "").trim();
  } finally {
    engine.free();
  }
}
