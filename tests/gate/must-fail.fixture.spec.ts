import { expect, test } from "@playwright/test";

// Run only by the test-gate check (TEST_GATE_FIXTURE=1): see tests/test-gate.int.test.ts.
test("fails on purpose", () => {
  expect(1).toBe(2);
});
