// npm run draw:verify -- <draw URL or JSON file> [entry id]
// Recomputes a published on-sale draw (GET /api/v1/concerts/{id}/queue/draw) from its own
// data and says whether it holds: exit 0 when every check passes, 1 otherwise.
import { readFile } from "node:fs/promises";
import { verifyDraw, type DrawRecord } from "../lib/queue/verify-draw";

async function load(source: string): Promise<DrawRecord & { concertId?: string; drawnAt?: string | null }> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(`${source} answered ${response.status}`);
    return response.json();
  }
  return JSON.parse(await readFile(source, "utf8"));
}

async function main(): Promise<number> {
  const [source, entryId] = process.argv.slice(2);
  if (!source) {
    console.error("usage: npm run draw:verify -- <draw URL or JSON file> [entry id]");
    return 2;
  }
  const draw = await load(source);
  const started = performance.now();
  const result = verifyDraw(draw);
  console.log(`Draw${draw.concertId ? ` of concert ${draw.concertId}` : ""}${draw.drawnAt ? `, made ${draw.drawnAt}` : ""}`);
  console.log(`  commitment  ${draw.commitment}`);
  if (draw.seed) console.log(`  seed        ${draw.seed}`);
  for (const check of result.checks) console.log(`${check.ok ? "✓" : "✗"} ${check.name}: ${check.detail}`);
  if (result.ok && draw.entryIds) {
    const last = draw.firstNumber! + draw.entryIds.length - 1;
    console.log(`  numbers ${draw.firstNumber}–${last} recomputed in ${Math.round(performance.now() - started)} ms`);
  }
  if (entryId) {
    const number = result.numbers.get(entryId);
    console.log(number === undefined ? `  entry ${entryId} is not in this draw` : `  entry ${entryId} → number ${number}`);
  }
  console.log(result.ok ? "The draw holds." : "The draw does NOT hold.");
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  },
);
