import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createConcert, createSchedule } from "@/tests/helpers";
import { availabilityChanged } from "./availability-cache";
import { listBookableSchedules, listConcertDates } from "./list-concert-dates";

describe("listConcertDates", () => {
  it("shows every upcoming date with its sale opening, prices and what is left; only open ones with seats are bookable", async () => {
    const concert = await createConcert();
    const open = await createSchedule(concert.id, 10);
    const later = await createSchedule(concert.id, 4);
    const soldOut = await createSchedule(concert.id, 4);
    const opensAt = new Date(Date.now() + 3_600_000);
    await db.schedule.update({ where: { id: later.id }, data: { salesOpenAt: opensAt } });
    await db.seat.updateMany({ where: { scheduleId: soldOut.id }, data: { status: "SOLD" } });
    await db.seat.updateMany({ where: { id: { in: open.seats.slice(0, 9).map((s) => s.id) } }, data: { status: "SOLD" } });
    availabilityChanged(open.id);

    const dates = await listConcertDates(concert.id);
    const byId = new Map(dates.map((d) => [d.id, d]));
    expect(byId.get(open.id)).toMatchObject({ onSale: true, availability: "SELLING_FAST", seats: { total: 10, available: 1 }, prices: { min: 90_000, max: 150_000 } });
    expect(byId.get(later.id)).toMatchObject({ onSale: false, availability: "NOT_ON_SALE_YET", salesOpenAt: opensAt.toISOString() });
    expect(byId.get(soldOut.id)).toMatchObject({ onSale: true, availability: "SOLD_OUT", seats: { total: 4, available: 0 } });
    expect(dates.map((d) => d.startsAt)).toEqual([...dates.map((d) => d.startsAt)].sort());

    expect((await listBookableSchedules(concert.id)).map((d) => d.id)).toEqual([open.id]);
  });

  it("refuses an unknown concert", async () => {
    await expect(listConcertDates("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
