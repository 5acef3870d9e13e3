// npm run check:cycles — fails when modules of the project import each other in a cycle.
// A cycle makes load order matter and layers meaningless. (ESLint's import/no-cycle does the
// same but takes minutes here; the project's imports are simple enough to read directly.)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOTS = ["app", "components", "lib", "scripts", "prisma", "tests", "e2e"];
const SKIP = new Set(["node_modules", "generated", ".next"]);
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The project files a module imports at run time (type-only imports cannot form a load cycle). */
export function importsOf(file: string, source: string): string[] {
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)].map((m) => m[1]!);
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(file), specifier) : null;
    if (base === null) return [];
    const resolved = [base, ...EXTENSIONS.map((ext) => base + ext)].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    return resolved ? [path.normalize(resolved)] : [];
  });
}

/** Every cycle, each as the list of files around it (depth-first, one report per cycle found). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "visiting");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "visiting") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = ROOTS.flatMap(sourceFiles);
  const graph = new Map(files.map((file) => [file, importsOf(file, readFileSync(file, "utf8"))]));
  const cycles = findCycles(graph);
  for (const cycle of cycles) console.error(`Import cycle: ${cycle.join(" → ")}`);
  console.log(cycles.length ? `${cycles.length} import cycle(s).` : `No import cycles among ${files.length} modules.`);
  process.exit(cycles.length ? 1 : 0);
}
