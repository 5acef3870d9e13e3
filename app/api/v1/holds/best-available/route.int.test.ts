import { describe, expect, it } from "vitest";
import { POST as HOLD } from "@/app/api/v1/holds/route";
import { db } from "@/lib/db";
import { call, createConcert, createShoppers } from "@/tests/helpers";
import { POST } from "./route";

interface Block {
  section: string;
  price: number;
  rows: string[];
  seatsPerRow: number;
}

/** A date on sale now with the given house, and `shoppers` people ACTIVE in its line. */
async function house(blocks: Block[], shoppers = 1) {
  const concert = await createConcert({ activeLimit: 1000, admitPerTick: 1000 });
  const schedule = await db.schedule.create({
    data: {
      concertId: concert.id,
      startsAt: new Date(Date.now() + 30 * 86_400_000),
      salesOpenAt: new Date(Date.now() - 86_400_000),
      seats: {
        create: blocks.flatMap(({ section, price, rows, seatsPerRow }) =>
          rows.flatMap((row) => Array.from({ length: seatsPerRow }, (_, i) => ({ section, row, number: i + 1, tier: section, price }))),
        ),
      },
    },
    select: { id: true, seats: { select: { id: true, section: true, row: true, number: true } } },
  });
  const seatId = (section: string, row: string, number: number) => schedule.seats.find((s) => s.section === section && s.row === row && s.number === number)!.id;
  return { scheduleId: schedule.id, seatId, people: await createShoppers(concert.id, shoppers) };
}

const best = (headers: Record<string, string>, body: Record<string, unknown>) => call(POST, { method: "POST", headers, body });
const places = (hold: { seats: { section: string; row: string; number: number }[] }) => hold.seats.map((s) => `${s.section} ${s.row}${s.number}`);

describe("POST /api/v1/holds/best-available", () => {
  it("holds the dearest seats, front row first, nearest the middle of the row", async () => {
    const { scheduleId, people } = await house([
      { section: "Balcony", price: 90_000, rows: ["A"], seatsPerRow: 10 },
      { section: "Floor", price: 150_000, rows: ["A", "B"], seatsPerRow: 9 },
    ]);
    const response = await best(people[0]!.headers, { scheduleId, count: 3 });
    expect(response.status).toBe(201);
    expect(places(response.body)).toEqual(["Floor A4", "Floor A5", "Floor A6"]);
    expect(response.body.amount).toBe(450_000);
  });

  it("keeps to the price range, and to seats side by side", async () => {
    const { scheduleId, seatId, people } = await house(
      [
        { section: "Balcony", price: 90_000, rows: ["A"], seatsPerRow: 6 },
        { section: "Floor", price: 150_000, rows: ["A"], seatsPerRow: 6 },
      ],
      2,
    );
    // Someone else holds Balcony A2 and A4: the only two free side by side are A5–A6.
    expect((await call(HOLD, { method: "POST", headers: people[1]!.headers, body: { scheduleId, seatIds: [seatId("Balcony", "A", 2), seatId("Balcony", "A", 4)] } })).status).toBe(201);
    const response = await best(people[0]!.headers, { scheduleId, count: 2, maxPrice: 100_000 });
    expect(response.status).toBe(201);
    expect(places(response.body)).toEqual(["Balcony A5", "Balcony A6"]);
  });

  it("says so when no block of that size is free", async () => {
    const { scheduleId, people } = await house([{ section: "Floor", price: 150_000, rows: ["A"], seatsPerRow: 3 }]);
    const response = await best(people[0]!.headers, { scheduleId, count: 4 });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe("SEAT_UNAVAILABLE");
    expect((await best(people[0]!.headers, { scheduleId, count: 2, minPrice: 200_000 })).body.code).toBe("SEAT_UNAVAILABLE");
  });

  it("gives 30 racing shoppers disjoint pairs until the house runs out, never a seat twice", async () => {
    // 5 rows of 8: 4 pairs a row at most, 20 pairs in all.
    const { scheduleId, people } = await house([{ section: "Floor", price: 150_000, rows: ["A", "B", "C", "D", "E"], seatsPerRow: 8 }], 30);
    const responses = await Promise.all(people.map((person) => best(person.headers, { scheduleId, count: 2 })));
    const held = responses.filter((r) => r.status === 201);
    expect(responses.filter((r) => r.status !== 201).every((r) => r.body.code === "SEAT_UNAVAILABLE")).toBe(true);
    const seats = held.flatMap((r) => r.body.seats.map((s: { id: string }) => s.id));
    expect(new Set(seats).size).toBe(seats.length);
    // Every hold is two neighbours in one row.
    for (const r of held) {
      const [a, b] = r.body.seats;
      expect(a.row).toBe(b.row);
      expect(Math.abs(a.number - b.number)).toBe(1);
    }
    // The database agrees: each held seat belongs to exactly the hold that says so.
    const rows = await db.seat.findMany({ where: { scheduleId, holdId: { not: null } }, select: { id: true } });
    expect(rows.map((r) => r.id).sort()).toEqual([...seats].sort());
    // A rush spreads over the house rather than queueing on one block: most pairs get sold
    // (picking always the single best block held 3 to 9 here; spreading holds 15 to 18).
    expect(held.length, `${held.length} of 20 pairs held`).toBeGreaterThanOrEqual(12);
  });

  it("refuses bad input with the field at fault", async () => {
    const { scheduleId, people } = await house([{ section: "Floor", price: 150_000, rows: ["A"], seatsPerRow: 4 }]);
    expect((await best(people[0]!.headers, { scheduleId, count: 5 })).body.errors).toEqual([{ field: "count", message: "must be at most 4" }]);
    expect((await best(people[0]!.headers, { scheduleId, count: 2, minPrice: 10, maxPrice: 5 })).body.errors).toEqual([{ field: "maxPrice", message: "must not be below minPrice" }]);
  });
});
