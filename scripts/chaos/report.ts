// Judges one fault's window from what the fans saw, and prints the table.
import type { CheckResult } from "./invariants";
import type { Kind, Recorder } from "./recorder";

export interface FaultWindow {
  name: string;
  /** Fault injected, dependency back, window closed (performance.now() ms). */
  start: number;
  back: number;
  end: number;
}

export interface FaultRow {
  name: string;
  /** "500 INTERNAL" → count; 503s are listed too but allowed. */
  fiveXx: Record<string, number>;
  /** Which requests got a 5xx other than 503, e.g. "500 INTERNAL" → {status: 12, charge: 3}. */
  fiveXxKinds: Record<string, Record<string, number>>;
  /** Seconds from back to the first success of the slowest kind that had failed, null = never. */
  recoverySeconds: number | null;
  slowestKind: Kind | null;
  /** Requests with no answer at all (refused, reset, timed out) — expected while the app is down. */
  noAnswer: number;
  slowest503Ms: number;
  retried: { answered: number; stuck: number; gaveUpWhileDown: number; stuckFinals: string[] };
  invariants: CheckResult[];
  problems: string[];
}

const failed = (status: number) => status === 0 || status >= 500;

export function judgeFault(window: FaultWindow, recorder: Recorder, invariants: CheckResult[]): FaultRow {
  const inWindow = recorder.samples.filter((s) => s.sent >= window.start && s.sent < window.end);
  const fiveXx: Record<string, number> = {};
  const fiveXxKinds: Record<string, Record<string, number>> = {};
  let slowest503Ms = 0;
  for (const s of inWindow) {
    if (s.status < 500) continue;
    const key = `${s.status} ${s.code}${s.status === 503 && !s.retryAfter ? " (no Retry-After)" : ""}`;
    fiveXx[key] = (fiveXx[key] ?? 0) + 1;
    const kinds = (fiveXxKinds[key] ??= {});
    kinds[s.kind] = (kinds[s.kind] ?? 0) + 1;
    if (s.status === 503) slowest503Ms = Math.max(slowest503Ms, s.done - s.sent);
  }

  // Recovery: for each kind that failed in the window, the first success sent after the
  // dependency was back.
  const failedKinds = new Set(inWindow.filter((s) => failed(s.status)).map((s) => s.kind));
  let recoverySeconds: number | null = 0;
  let slowestKind: Kind | null = null;
  for (const kind of failedKinds) {
    const after = recorder.samples.filter((s) => s.kind === kind && s.sent >= window.back && s.sent < window.end);
    if (after.length === 0) continue; // not tried again in the window: nothing to measure
    const first = after.find((s) => s.status > 0 && s.status < 500);
    const seconds = first ? (first.done - window.back) / 1000 : null;
    if (seconds === null) {
      recoverySeconds = null;
      slowestKind = kind;
      break;
    }
    if (recoverySeconds !== null && seconds >= recoverySeconds) {
      recoverySeconds = seconds;
      slowestKind = kind;
    }
  }

  const retried = { answered: 0, stuck: 0, gaveUpWhileDown: 0, stuckFinals: [] as string[] };
  for (const op of recorder.operations) {
    if (op.started < window.start || op.started >= window.end) continue;
    if (op.outcome === "stuck") {
      retried.stuck++;
      retried.stuckFinals.push(`${op.kind}: ${op.final}`);
    } else if (op.attempts < 2) continue;
    else if (op.outcome === "answered") retried.answered++;
    else retried.gaveUpWhileDown++;
  }

  return {
    name: window.name,
    fiveXx,
    fiveXxKinds,
    recoverySeconds,
    slowestKind,
    noAnswer: inWindow.filter((s) => s.status === 0).length,
    slowest503Ms,
    retried,
    invariants,
    problems: recorder.problems.filter((p) => p.at >= window.start && p.at < window.end).map((p) => p.text),
  };
}

/** Whether the row fails the suite: a broken invariant, any 5xx but 503, a stuck retry, no recovery. */
export function rowFailures(row: FaultRow): string[] {
  const failures: string[] = [];
  for (const [key, n] of Object.entries(row.fiveXx)) if (!key.startsWith("503 ")) failures.push(`${n}× ${key}`);
  if (row.retried.stuck) failures.push(`${row.retried.stuck} retried request(s) never got an answer`);
  if (row.recoverySeconds === null) failures.push(`${row.slowestKind} never succeeded again within the window`);
  for (const check of row.invariants) if (check.violations) failures.push(`invariant "${check.name}" broken: ${JSON.stringify(check.sample)}`);
  return failures;
}

export function printTable(rows: FaultRow[]) {
  const header = ["fault", "5xx by code", "recovery s", "retries that succeeded", "invariants"];
  const lines = rows.map((row) => {
    const fiveXx = Object.entries(row.fiveXx)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ×${n}`)
      .join(", ");
    const recovery = row.recoverySeconds === null ? `never (${row.slowestKind})` : row.slowestKind ? `${row.recoverySeconds.toFixed(1)} (${row.slowestKind})` : "no errors";
    const { answered, stuck, gaveUpWhileDown } = row.retried;
    const retries = answered + stuck === 0 && !gaveUpWhileDown ? "none needed" : `${answered}/${answered + stuck}${gaveUpWhileDown ? ` (+${gaveUpWhileDown} gave up while down)` : ""}`;
    const broken = row.invariants.filter((c) => c.violations);
    const invariants = broken.length ? `FAIL: ${broken.map((c) => c.name).join("; ")}` : `ok (${row.invariants.length})`;
    return [row.name, fiveXx || "none", recovery, retries, invariants];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const line of lines) console.log(format(line));
  for (const row of rows) {
    const notes = [
      ...Object.entries(row.fiveXxKinds)
        .filter(([key]) => !key.startsWith("503 "))
        .map(([key, kinds]) => `${key} on ${Object.entries(kinds).map(([k, n]) => `${k} ×${n}`).join(", ")}`),
      row.noAnswer ? `${row.noAnswer} request(s) got no answer (refused/reset/timed out)` : "",
      row.slowest503Ms ? `slowest 503 took ${(row.slowest503Ms / 1000).toFixed(1)} s` : "",
      ...new Set(row.retried.stuckFinals.slice(0, 5)),
      ...new Set(row.problems.slice(0, 5)),
    ].filter(Boolean);
    if (notes.length) console.log(`  ${row.name}: ${notes.join("; ")}`);
  }
}
