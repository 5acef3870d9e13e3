import { gunzipSync } from "node:zlib";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as HOLD } from "@/app/api/v1/holds/route";
import { call, createConcert, createSchedule, createShoppers } from "@/tests/helpers";
import { GET } from "./route";

async function readMap(scheduleId: string, headers: Record<string, string>) {
  const request = new NextRequest(new URL(`/api/v1/schedules/${scheduleId}/seats`, "http://localhost"), { headers });
  const response = await GET(request, { params: Promise.resolve({ scheduleId }) });
  return { response, map: (await response.json()) as { seats: { id: string; status: string }[] } };
}

describe("GET /api/v1/schedules/{scheduleId}/seats", () => {
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

  it("sends the map gzipped to a client that accepts it, the same seats, and plain to one that does not", async () => {
    const concert = await createConcert({ activeLimit: 10, admitPerTick: 10 });
    const schedule = await createSchedule(concert.id, 40);
    const [reader] = await createShoppers(concert.id, 1);
    const request = (encoding: string) =>
      GET(new NextRequest(new URL(`/api/v1/schedules/${schedule.id}/seats`, "http://localhost"), { headers: { ...reader!.headers, "accept-encoding": encoding } }), {
        params: Promise.resolve({ scheduleId: schedule.id }),
      });
    const zipped = await request("gzip, deflate, br");
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toBe("accept-encoding");
    const bytes = Buffer.from(await zipped.arrayBuffer());
    const plain = await request("identity");
    expect(plain.headers.get("content-encoding")).toBeNull();
    const text = await plain.text();
    expect(gunzipSync(bytes).toString()).toBe(text);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text) / 4);
    expect((await request("gzip;q=0")).headers.get("content-encoding")).toBeNull();
  });
});
