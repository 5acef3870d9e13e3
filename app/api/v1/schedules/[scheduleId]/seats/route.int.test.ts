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
});
