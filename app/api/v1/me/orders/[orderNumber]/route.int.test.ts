import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as HOLD } from "@/app/api/v1/holds/route";
import { POST as PAY } from "@/app/api/v1/payments/route";
import { call, createConcert, createSchedule, createShoppers, fund } from "@/tests/helpers";
import { GET } from "./route";

const ORDER_NUMBER = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

async function paidOrders(shoppers: number, seatsEach: number) {
  const concert = await createConcert({ activeLimit: 100, admitPerTick: 100 });
  const schedule = await createSchedule(concert.id, shoppers * seatsEach);
  const people = await createShoppers(concert.id, shoppers);
  const holds = await Promise.all(
    people.map(async (person, i) => {
      await fund(person.id, 1_000_000);
      // Picked out of seat order, so the order has to sort them.
      const seatIds = schedule.seats.slice(i * seatsEach, (i + 1) * seatsEach).map((s) => s.id).reverse();
      const held = await call(HOLD, { method: "POST", headers: person.headers, body: { scheduleId: schedule.id, seatIds } });
      expect(held.status).toBe(201);
      return held.body.id as string;
    }),
  );
  // Every payment at once: numbering must stay unique under the race.
  const receipts = await Promise.all(
    people.map((person, i) => call(PAY, { method: "POST", headers: { ...person.headers, "idempotency-key": randomUUID() }, body: { holdId: holds[i] } })),
  );
  expect(receipts.map((r) => r.status)).toEqual(people.map(() => 201));
  return { people, receipts: receipts.map((r) => r.body) };
}

describe("GET /api/v1/me/orders/{orderNumber}", () => {
  it("numbers each payment with a short, unique order number, even when 20 pay at once", async () => {
    const { receipts } = await paidOrders(20, 1);
    const numbers = receipts.map((r) => r.orderNumber as string);
    expect(numbers.every((n) => ORDER_NUMBER.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(20);
    for (const receipt of receipts) expect(receipt.tickets.every((t: { orderNumber: string }) => t.orderNumber === receipt.orderNumber)).toBe(true);
  });

  it("shows the order: seats in seat order, amount, time and the balance right after", async () => {
    const { people, receipts } = await paidOrders(1, 3);
    const [receipt] = receipts;
    // Typed by a person: any case, stray spaces.
    const response = await call(GET, { params: { orderNumber: ` ${receipt.orderNumber.toLowerCase()} ` }, headers: people[0]!.headers });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      orderNumber: receipt.orderNumber,
      paymentId: receipt.id,
      holdId: receipt.holdId,
      amount: receipt.amount,
      balanceAfter: receipt.balance,
      paidAt: receipt.paidAt,
      concert: { title: "Test Concert" },
    });
    const seats = response.body.tickets.map((t: { seat: { section: string; number: number } }) => `${t.seat.section} ${t.seat.number}`);
    expect(seats).toEqual(["Balcony 3", "Floor 1", "Floor 2"]);
    expect(response.body.tickets.map((t: { code: string }) => t.code).sort()).toEqual(receipt.tickets.map((t: { code: string }) => t.code).sort());
  });

  it("answers 404 for someone else's order and 400 naming the field for a malformed number", async () => {
    const { people, receipts } = await paidOrders(2, 1);
    const others = await call(GET, { params: { orderNumber: receipts[1].orderNumber }, headers: people[0]!.headers });
    expect(others.status).toBe(404);
    expect(others.body.code).toBe("NOT_FOUND");
    const malformed = await call(GET, { params: { orderNumber: "ORDER-1" }, headers: people[0]!.headers });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors, JSON.stringify(malformed.body)).toEqual([{ field: "params.orderNumber", message: "must be an order number like KRVE-GJ9X" }]);
  });
});
