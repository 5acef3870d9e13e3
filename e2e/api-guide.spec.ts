import { spawnSync } from "node:child_process";
import { expect, request, test } from "@playwright/test";
import { guideShellBlocks } from "../lib/openapi/first-booking-guide";
import { apiAccount } from "./support";

test("the first-booking guide on /docs works as written, from a shell with curl", async ({ baseURL }) => {
  const account = await apiAccount(request, baseURL!, "Guide Reader");
  // The first block only sets the two variables, which the reader fills in; the test does that.
  const [setup, ...steps] = guideShellBlocks();
  expect(setup).toContain("export STAGEPASS_TOKEN=");
  const run = spawnSync("bash", ["-euxo", "pipefail", "-c", steps.join("\n")], {
    // A reader's plain shell: not the test runner's environment (its NODE_OPTIONS would leak into node -p).
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", STAGEPASS_URL: baseURL!, STAGEPASS_TOKEN: account.token },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(0);
  const codes = run.stdout.trim().split("\n");
  expect(codes).toHaveLength(1);
  expect(codes[0]).toMatch(/^SP-[2-9A-HJ-NP-Z]{12}$/);
  const tickets = await (await account.context.get("/api/v1/me/reservations")).json();
  expect(tickets.items.map((t: { code: string }) => t.code)).toEqual(codes);
});
