import { gunzipSync } from "node:zlib";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as HOLD } from "@/app/api/v1/holds/route";
import { call, createConcert, createSchedule, createShoppers } from "@/tests/helpers";
import { GET } from "./route";

async function readMap(scheduleId: string, headers: Record<string, string>) {
  const request = new NextRequest(new URL(`/api/v1/schedules/${scheduleId}/seats`, "http://localhost"), { headers });
  const response = await GET(request, { params: Promise.resolve({ scheduleId }) });
  const bytes = Buffer.from(await response.arrayBuffer());
  const gzipped = response.headers.get("content-encoding") === "gzip";
  return { response, gzipped, map: JSON.parse((gzipped ? gunzipSync(bytes) : bytes).toString()) as { seats: { id: string; status: string }[] } };
}

describe("GET /api/v1/schedules/{scheduleId}/seats", () => {
  it("is gzipped for a client that accepts it and plain otherwise, with the same seats", async () => {
    const concert = await createConcert({ activeLimit: 10, admitPerTick: 10 });
    const schedule = await createSchedule(concert.id, 8);
    const [shopper] = await createShoppers(concert.id, 1);
    const plain = await readMap(schedule.id, shopper!.headers);
    const gzipped = await readMap(schedule.id, { ...shopper!.headers, "accept-encoding": "gzip, deflate, br" });
    expect(plain.gzipped).toBe(false);
    expect(gzipped.gzipped).toBe(true);
    expect(gzipped.response.headers.get("vary")).toContain("accept-encoding");
    expect(gzipped.map).toEqual(plain.map);
    expect(plain.map.seats).toHaveLength(8);
  });

  it("shows a hold made on this instance at once, though readers share one map", async () => {
    const concert = await createConcert({ activeLimit: 10, admitPerTick: 10 });
    const schedule = await createSchedule(concert.id, 8);
    const [reader, holder] = await createShoppers(concert.id, 2);
    const seat = schedule.seats[3]!.id;
    expect((await readMap(schedule.id, reader!.headers)).map.seats.find((s) => s.id === seat)!.status).toBe("AVAILABLE");
    const held = await call(HOLD, { method: "POST", headers: holder!.headers, body: { scheduleId: schedule.id, seatIds: [seat] } });
    expect(held.status).toBe(201);
    expect((await readMap(schedule.id, reader!.headers)).map.seats.find((s) => s.id === seat)!.status).toBe("HELD");
  });
});
