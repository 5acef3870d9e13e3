import { describe, expect, it } from "vitest";
import { queueView } from "./queue-view";

const now = new Date("2030-01-01T00:00:00Z");
const counters = (serving: number, admitRate: number) => ({ serving, lastNumber: 10_000, admitRate });

describe("queueView", () => {
  it("shows position and an ETA from the measured admission rate", () => {
    const view = queueView({ number: 1_050, status: "WAITING", activeUntil: null }, counters(1_000, 5), now);
    expect(view).toMatchObject({ status: "WAITING", position: 50, etaSeconds: 10, activeUntil: null, serving: 1_000 });
  });

  it("gives no ETA before any admission has been measured", () => {
    const view = queueView({ number: 5, status: "WAITING", activeUntil: null }, counters(0, 0), now);
    expect(view.etaSeconds).toBeNull();
    expect(view.pollAfterMs).toBe(3_000);
  });

  it("polls often near the front and rarely far back, within bounds", () => {
    const near = queueView({ number: 1_001, status: "WAITING", activeUntil: null }, counters(1_000, 10), now);
    const far = queueView({ number: 90_000, status: "WAITING", activeUntil: null }, counters(1_000, 10), now);
    expect(near.pollAfterMs).toBe(1_000);
    expect(far.pollAfterMs).toBe(15_000);
  });

  it("shows an active place with its end time, and stops polling once expired", () => {
    const activeUntil = new Date(now.getTime() + 600_000);
    const active = queueView({ number: 3, status: "ACTIVE", activeUntil }, counters(10, 1), now);
    expect(active).toMatchObject({ position: 0, etaSeconds: null, activeUntil: activeUntil.toISOString() });
    expect(active.pollAfterMs).toBe(30_000);
    expect(queueView({ number: 3, status: "EXPIRED", activeUntil: null }, counters(10, 1), now).pollAfterMs).toBeNull();
  });

  it("never shows a waiting person at position 0", () => {
    expect(queueView({ number: 5, status: "WAITING", activeUntil: null }, counters(5, 1), now).position).toBe(1);
  });
});
