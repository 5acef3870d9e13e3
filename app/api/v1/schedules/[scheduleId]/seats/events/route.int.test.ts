import { describe, expect, it } from "vitest";
import { POST as HOLD } from "@/app/api/v1/holds/route";
import { DELETE as RELEASE } from "@/app/api/v1/holds/[holdId]/route";
import { MAX_STREAMS_PER_USER } from "@/lib/http/event-stream";
import { openStream } from "@/tests/event-stream";
import { call, createConcert, createSchedule, createShoppers } from "@/tests/helpers";
import { GET } from "./route";

const follow = (scheduleId: string, headers: Record<string, string>) =>
  openStream(GET, `/api/v1/schedules/${scheduleId}/seats/events`, { scheduleId }, headers);

async function setUp(shoppers = 2) {
  const concert = await createConcert({ activeLimit: 10, admitPerTick: 10 });
  const schedule = await createSchedule(concert.id, 4);
  const people = await createShoppers(concert.id, shoppers);
  const seatIds = schedule.seats.map((s) => s.id);
  return { schedule, people, seatIds };
}

describe("GET /api/v1/schedules/{scheduleId}/seats/events", () => {
  it("starts with the statuses and then sends each seat change, and nothing about who made it", async () => {
    const { schedule, people, seatIds } = await setUp();
    const [watcher, buyer] = people;
    const stream = await follow(schedule.id, watcher!.headers);
    try {
      expect(stream.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
      expect(stream.response.headers.get("cache-control")).toBe("no-cache, no-transform");
      expect(stream.response.headers.get("x-accel-buffering")).toBe("no");
      const [snapshot] = await stream.next();
      expect(snapshot).toMatchObject({ event: "snapshot", data: { statuses: "AAAA", revision: 1 } });

      const held = await call(HOLD, { method: "POST", headers: buyer!.headers, body: { scheduleId: schedule.id, seatIds: [seatIds[1]] } });
      expect(held.status).toBe(201);
      const [seatHeld] = await stream.next();
      expect(seatHeld).toMatchObject({ event: "seat.held", data: { seatIds: [seatIds[1]], heldUntil: held.body.expiresAt } });
      expect(Number(seatHeld!.id)).toBeGreaterThan(Number(snapshot!.id));
      // Someone arriving now learns when that hold lapses from the snapshot itself.
      const late = await follow(schedule.id, watcher!.headers);
      const [lateSnapshot] = await late.next();
      await late.close();
      expect(lateSnapshot!.data.heldUntil).toEqual({ [seatIds[1]!]: held.body.expiresAt });

      await call(RELEASE, { method: "DELETE", params: { holdId: held.body.id }, headers: buyer!.headers });
      const [freed] = await stream.next();
      expect(freed).toMatchObject({ event: "seat.freed", data: { seatIds: [seatIds[1]] } });
      expect(stream.received.map((e) => e.event)).toEqual(["snapshot", "seat.held", "seat.freed"]); // no hold or payment events
    } finally {
      await stream.close();
    }
  });

  it("resumes from Last-Event-ID with exactly what was missed, and no snapshot", async () => {
    const { schedule, people, seatIds } = await setUp();
    const [watcher, buyer] = people;
    const first = await follow(schedule.id, watcher!.headers);
    const [snapshot] = await first.next();
    await first.close();

    // While the watcher is away: two holds and a release.
    const a = await call(HOLD, { method: "POST", headers: buyer!.headers, body: { scheduleId: schedule.id, seatIds: [seatIds[0]] } });
    await call(RELEASE, { method: "DELETE", params: { holdId: a.body.id }, headers: buyer!.headers });
    await call(HOLD, { method: "POST", headers: buyer!.headers, body: { scheduleId: schedule.id, seatIds: [seatIds[2], seatIds[3]] } });

    const again = await follow(schedule.id, { ...watcher!.headers, "last-event-id": snapshot!.id! });
    try {
      const missed = await again.next(3);
      expect(missed.map((e) => [e.event, e.data.seatIds])).toEqual([
        ["seat.held", [seatIds[0]]],
        ["seat.freed", [seatIds[0]]],
        ["seat.held", [seatIds[2], seatIds[3]].sort()],
      ]);
      const ids = missed.map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      await expect(again.next(1, 700)).rejects.toThrow("waited"); // nothing twice
    } finally {
      await again.close();
    }
  });

  it("uses the seat map's guards, refuses a Last-Event-ID it never sent, and caps the streams one account holds", async () => {
    const { schedule, people } = await setUp(1);
    const [watcher] = people;
    const { "x-queue-token": _token, ...withoutQueueToken } = watcher!.headers;
    const refused = await follow(schedule.id, withoutQueueToken);
    expect(refused.response.status).toBe(403);
    expect(await refused.response.json()).toMatchObject({ code: "QUEUE_TOKEN_MISSING" });

    const bad = await follow(schedule.id, { ...watcher!.headers, "last-event-id": "yesterday" });
    expect(bad.response.status).toBe(400);
    expect(await bad.response.json()).toMatchObject({ errors: [{ field: "Last-Event-ID" }] });

    const open = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) open.push(await follow(schedule.id, watcher!.headers));
    expect(open.map((s) => s.response.status)).toEqual(open.map(() => 200));
    const tooMany = await follow(schedule.id, watcher!.headers);
    expect(tooMany.response.status).toBe(429);
    expect(await tooMany.response.json()).toMatchObject({ code: "TOO_MANY_STREAMS" });
    await open.pop()!.close();
    // The closed stream's place is given back as the server sees it go.
    let another: Awaited<ReturnType<typeof follow>> | undefined;
    await expect.poll(async () => (another = await follow(schedule.id, watcher!.headers)).response.status).toBe(200);
    for (const stream of [...open, another!]) await stream.close();
  });
});
