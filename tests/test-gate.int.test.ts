import { spawnSync } from "node:child_process";
import { describe, expect, inject, it } from "vitest";

// `npm test` is only a gate if each of its runners exits non-zero when a test fails.
// Each runner runs here, through the project's own config, on a test that must fail.
function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    env: { ...process.env, TEST_GATE_FIXTURE: "1", CI: "", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the test gate", () => {
  it.each(["unit", "integration"])("vitest's %s project exits non-zero when a test fails", (project) => {
    const { status, output } = run("npx", ["vitest", "run", "--project", project]);
    expect(output).toMatch(/1 failed/);
    expect(status).not.toBe(0);
  }, 120_000);

  // Without DATABASE_URL the run starts the embedded PostgreSQL, whose package hooks exit.
  // When this run is itself on the embedded cluster, a second run cannot start it too.
  const onEmbedded = inject("databaseServerUrl").includes(":54330/");
  if (onEmbedded) console.warn("test gate: this run uses the embedded PostgreSQL, so the embedded-cluster gate check is skipped; set DATABASE_URL to run it.");
  it.skipIf(onEmbedded)("vitest's integration project on the embedded PostgreSQL exits non-zero when a test fails", () => {
    const { status, output } = run("npx", ["vitest", "run", "--project", "integration"], { DATABASE_URL: "" });
    expect(output).toMatch(/1 failed/);
    expect(status).not.toBe(0);
  }, 120_000);

  it("Playwright exits non-zero when a test fails", () => {
    const { status, output } = run("npx", ["playwright", "test", "--reporter=line"]);
    expect(output).toMatch(/1 failed/);
    expect(status).not.toBe(0);
  }, 120_000);
});
