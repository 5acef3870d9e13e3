import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// Shared with the server so the API scenarios can call the cron route.
process.env.E2E_CRON_SECRET ??= randomBytes(32).toString("base64url");
// Debian's Chromium where it is installed (Playwright cannot download its own here).
const systemChromium = "/usr/bin/chromium";

// The test-gate check runs Playwright on a spec that must fail and expects a non-zero exit.
const gate = !!process.env.TEST_GATE_FIXTURE;

export default defineConfig({
  testDir: gate ? "tests/gate" : "e2e",
  testMatch: gate ? "must-fail.fixture.spec.ts" : undefined,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? "list" : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: existsSync(systemChromium)
          ? {
              executablePath: systemChromium,
              args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            }
          : {},
      },
    },
  ],
  webServer: gate ? undefined : {
    command: "tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/api/v1/health`,
    // The server in UTC, as in production, so time-zone tests see a browser elsewhere.
    env: { E2E_PORT: String(port), CRON_SECRET: process.env.E2E_CRON_SECRET, TZ: "UTC" },
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
