import { expect, it } from "vitest";

// Run only by the test-gate check (TEST_GATE_FIXTURE=1): a runner that reports this
// failure but exits 0 would let any broken change land.
it("fails on purpose", () => {
  expect(1).toBe(2);
});
