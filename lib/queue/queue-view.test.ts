import { describe, expect, it } from "vitest";
import type { QueueEntry } from "./queue-store";
import { queueView } from "./queue-view";

const now = new Date("2030-01-01T00:00:00Z");
const counters = (serving: number, admitRate: number, paused = false) => ({ serving, lastNumber: 10_000, admitRate, paused });
const place = (number: number | null, status: QueueEntry["status"], activeUntil: Date | null = null, entryId: string | null = null): QueueEntry => ({
  number,
  status,
  activeUntil,
  entryId,
});

describe("queueView", () => {
  it("shows position and an ETA from the measured admission rate", () => {
    const view = queueView(place(1_050, "WAITING"), counters(1_000, 5), now);
    expect(view).toMatchObject({ status: "WAITING", position: 50, etaSeconds: 10, activeUntil: null, serving: 1_000 });
  });

  it("gives no ETA before any admission has been measured", () => {
    const view = queueView(place(5, "WAITING"), counters(0, 0), now);
    expect(view.etaSeconds).toBeNull();
    expect(view.pollAfterMs).toBe(3_000);
  });

  it("polls often near the front and rarely far back, within bounds", () => {
    const near = queueView(place(1_001, "WAITING"), counters(1_000, 10), now);
    const far = queueView(place(90_000, "WAITING"), counters(1_000, 10), now);
    expect(near.pollAfterMs).toBe(1_000);
    expect(far.pollAfterMs).toBe(15_000);
  });

  it("shows an active place with its end time, and stops polling once expired", () => {
    const activeUntil = new Date(now.getTime() + 600_000);
    const active = queueView(place(3, "ACTIVE", activeUntil), counters(10, 1), now);
    expect(active).toMatchObject({ position: 0, etaSeconds: null, activeUntil: activeUntil.toISOString() });
    expect(active.pollAfterMs).toBe(30_000);
    expect(queueView(place(3, "EXPIRED"), counters(10, 1), now).pollAfterMs).toBeNull();
  });

  it("never shows a waiting person at position 0", () => {
    expect(queueView(place(5, "WAITING"), counters(5, 1), now).position).toBe(1);
  });

  it("keeps a paused line's estimate and says it is paused", () => {
    const view = queueView(place(1_050, "WAITING"), counters(1_000, 5, true), now);
    expect(view).toMatchObject({ paused: true, position: 50, etaSeconds: 10 });
  });

  it("shows a pre-queue place without a number, polling until the draw and then within a spread", () => {
    const drawAt = new Date(now.getTime() + 60_000);
    const early = queueView(place(null, "PRE_QUEUE", null, "abc"), counters(0, 0), now, { drawAt, abandonAfterSeconds: 600 });
    expect(early).toMatchObject({ number: null, position: null, etaSeconds: null, entryId: "abc", drawAt: drawAt.toISOString(), pollAfterMs: 15_000, keepAliveMs: 200_000 });
    const atDraw = queueView(place(null, "PRE_QUEUE", null, "abc"), counters(0, 0), drawAt, { drawAt, abandonAfterSeconds: null }).pollAfterMs!;
    expect(atDraw).toBeGreaterThanOrEqual(1_000);
    expect(atDraw).toBeLessThan(5_000);
    // Different entries come back at different moments after the draw.
    const spread = new Set(["a", "b", "c", "d", "e", "f"].map((id) => queueView(place(null, "PRE_QUEUE", null, id.repeat(22)), counters(0, 0), drawAt, { drawAt, abandonAfterSeconds: null }).pollAfterMs));
    expect(spread.size).toBeGreaterThan(3);
  });
});
