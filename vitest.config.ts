import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests run on the server anyway.
  "server-only": path.resolve(import.meta.dirname, "tests/server-only-stub.ts"),
};

// The test-gate check (tests/test-gate.int.test.ts) runs each project on a test that must
// fail, through this same config, and expects a non-zero exit.
const gateFixture = process.env.TEST_GATE_FIXTURE ? ["tests/gate/must-fail.fixture.ts"] : null;

export default defineConfig({
  resolve: { alias },
  test: {
    // Tests race hundreds of requests from one "address"; the limits themselves are
    // tested with their own multiplier. Webhook tests receive on this machine, which the
    // SSRF guard otherwise refuses.
    env: { TZ: "UTC", RATE_LIMIT_MULTIPLIER: "100", WEBHOOK_ALLOWED_PRIVATE_HOSTS: "127.0.0.1" },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: gateFixture ?? ["{lib,scripts,prisma,components}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: gateFixture ?? ["{lib,scripts,prisma,app,tests}/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration-global-setup.ts"],
          setupFiles: ["tests/integration-setup.ts"],
          // Files share one database; races are created inside each test, on purpose.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
