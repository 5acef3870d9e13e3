import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as PAUSE } from "@/app/api/v1/organizer/concerts/[concertId]/queue/pause/route";
import { POST as RESUME } from "@/app/api/v1/organizer/concerts/[concertId]/queue/resume/route";
import { PATCH as LIMITS } from "@/app/api/v1/organizer/concerts/[concertId]/queue/route";
import { GET as SALES_CSV } from "@/app/api/v1/organizer/concerts/[concertId]/sales.csv/route";
import { GET as SALES } from "@/app/api/v1/organizer/concerts/[concertId]/sales/route";
import { createHold } from "@/lib/booking/create-hold";
import { db, pool } from "@/lib/db";
import { countConcertError, flushConcertErrors } from "@/lib/http/concert-errors";
import { createOrganization } from "@/lib/organizer/organizations";
import { payHold } from "@/lib/payments/pay-hold";
import { enterQueue } from "@/lib/queue/enter-queue";
import { getQueueStatus } from "@/lib/queue/get-queue-status";
import { queueStore } from "@/lib/queue/store";
import { inSqlTransaction } from "@/lib/sql";
import { call, createTestUser, createUsers, fund } from "@/tests/helpers";
import { organizerWithVenue, publishedConcert, readyDraft, type TestUser } from "@/tests/organizer";
import { GET as DASHBOARD } from "./route";

const dashboard = (user: TestUser, concertId: string) => call(DASHBOARD, { headers: user.auth, params: { concertId } });
const pause = (user: TestUser, concertId: string) => call(PAUSE, { method: "POST", headers: user.auth, params: { concertId } });
const resume = (user: TestUser, concertId: string) => call(RESUME, { method: "POST", headers: user.auth, params: { concertId } });
const limits = (user: TestUser, concertId: string, body: unknown) => call(LIMITS, { method: "PATCH", headers: user.auth, params: { concertId }, body });
const sales = (user: TestUser, concertId: string, query = "") => call(SALES, { path: `/?${query}`, headers: user.auth, params: { concertId } });

/** A buyer who paid for `count` seats of the date; returns their order number. */
async function sell(scheduleId: string, seatIds: string[], buyer: { name?: string } = {}) {
  const [id] = await createUsers(1);
  if (buyer.name) await db.user.update({ where: { id: id! }, data: { name: buyer.name } });
  await fund(id!, 10_000_000);
  const hold = await createHold(id!, { scheduleId, seatIds }, { ttlSeconds: 300 });
  const receipt = await inSqlTransaction(pool(), (tx) => payHold(tx, id!, hold.id));
  return { orderNumber: receipt.orderNumber, userId: id! };
}

const freeSeats = (scheduleId: string) => db.seat.findMany({ where: { scheduleId, status: "AVAILABLE", holdId: null }, orderBy: [{ section: "asc" }, { row: "asc" }, { number: "asc" }] });

describe("the on-sale dashboard", () => {
  it("counts the line, live holds, seats per tier and section, takings and errors per minute", async () => {
    const o = await organizerWithVenue();
    const { concertId, dates } = await publishedConcert(o, 1, { activeLimit: 2, admitPerTick: 2 });
    const fans = await createUsers(5);
    for (const fan of fans) await enterQueue(fan, concertId);
    await queueStore().admit(concertId, new Date(), { force: true });
    const seats = await freeSeats(dates[0]!);
    const vip = seats.filter((s) => s.tier === "VIP");
    await sell(dates[0]!, [vip[0]!.id, vip[1]!.id]);
    const [holder] = await createUsers(1);
    await createHold(holder!, { scheduleId: dates[0]!, seatIds: [seats.find((s) => s.tier === "S")!.id] }, { ttlSeconds: 300 });
    countConcertError(concertId);
    countConcertError(concertId);
    await flushConcertErrors();

    const { status, body } = await dashboard(o.staff, concertId);
    expect(status).toBe(200);
    expect(body.queue).toMatchObject({ paused: false, waiting: 3, activeLimit: 2 });
    expect(body.queue.admitted + body.queue.active).toBe(2);
    expect(body.holdsLive).toBe(1);
    expect(body.ticketsSold).toBe(2);
    expect(body.revenue).toBe(300_000);
    expect(body.tiers).toEqual([
      { name: "VIP", colour: "#7c3aed", price: 150_000, seats: 9, sold: 2, held: 0, free: 7 },
      { name: "S", colour: "#059669", price: 90_000, seats: 12, sold: 0, held: 1, free: 11 },
    ]);
    expect(body.dates).toEqual([{ id: dates[0], startsAt: expect.any(String), seats: 21, sold: 2, held: 1 }]);
    expect(body.sections).toEqual(
      expect.arrayContaining([
        { scheduleId: dates[0], section: "Floor", seats: 9, sold: 2, held: 0 },
        { scheduleId: dates[0], section: "Balcony", seats: 12, sold: 0, held: 1 },
      ]),
    );
    expect(body.perMinute).toHaveLength(30);
    expect(body.perMinute.at(-1)).toMatchObject({ payments: 1, tickets: 2, revenue: 300_000, errors: 2 });
  });

  it("is for the concert's organization only", async () => {
    const o = await organizerWithVenue();
    const concertId = await readyDraft(o);
    const [fan, outsider] = [await createTestUser("fan"), await createTestUser("outsider")];
    await createOrganization(outsider.id, { name: "Elsewhere" });
    expect((await dashboard(fan, concertId)).body.code).toBe("ORGANIZER_REQUIRED");
    expect((await dashboard(outsider, concertId)).status).toBe(404);
    expect((await sales(outsider, concertId)).status).toBe(404);
    expect((await call(SALES_CSV, { headers: outsider.auth, params: { concertId } })).status).toBe(404);
    // A draft has a dashboard (all zeros) but no line to pause.
    expect((await dashboard(o.owner, concertId)).body).toMatchObject({ status: "DRAFT", ticketsSold: 0, queue: { waiting: 0 } });
    expect((await pause(o.owner, concertId)).body.code).toBe("CONCERT_STATUS");
  });
});

describe("pausing the line", () => {
  it("stops admission with everyone keeping their place, and resumes it at once", async () => {
    const o = await organizerWithVenue();
    const { concertId } = await publishedConcert(o, 1, { activeLimit: 5, admitPerTick: 5 });
    const [first, ...later] = await createUsers(4);
    const entered = await enterQueue(first!, concertId);
    expect(entered.status).toBe("ACTIVE");

    expect((await pause(o.staff, concertId)).body.code).toBe("ROLE_REQUIRED");
    expect((await pause(o.owner, concertId)).body).toEqual({ paused: true, activeLimit: 5, admitPerTick: 5, activeTtlSeconds: expect.any(Number) });
    const waiting: Awaited<ReturnType<typeof enterQueue>>[] = [];
    for (const fan of later) waiting.push(await enterQueue(fan, concertId));
    // Room for them all, but nobody is let in: they keep their numbers, in order.
    expect(waiting.map((w) => [w.status, w.position])).toEqual([
      ["WAITING", 1],
      ["WAITING", 2],
      ["WAITING", 3],
    ]);
    const first_ = await getQueueStatus({ userId: first!, concertId, number: entered.number! });
    expect(first_.status).toBe("ACTIVE");
    expect((await dashboard(o.owner, concertId)).body.queue).toMatchObject({ paused: true, waiting: 3, lastInLineEtaSeconds: null });

    expect((await resume(o.owner, concertId)).body.paused).toBe(false);
    const statuses = await Promise.all(later.map((fan, i) => getQueueStatus({ userId: fan, concertId, number: waiting[i]!.number! })));
    expect(statuses.map((s) => s.status)).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);
  });

  it("takes new limits from its next step, and refuses bad ones by field", async () => {
    const o = await organizerWithVenue();
    const { concertId } = await publishedConcert(o, 1, { activeLimit: 1, admitPerTick: 1 });
    const fans = await createUsers(3);
    const entered: Awaited<ReturnType<typeof enterQueue>>[] = [];
    for (const fan of fans) entered.push(await enterQueue(fan, concertId));
    expect(entered.map((e) => e.status)).toEqual(["ACTIVE", "WAITING", "WAITING"]);
    const bad = await limits(o.owner, concertId, { activeLimit: 0, activeTtlSeconds: 5 });
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["activeLimit", "activeTtlSeconds"]);
    expect((await limits(o.owner, concertId, { activeLimit: 3, admitPerTick: 3 })).body).toMatchObject({ paused: false, activeLimit: 3, admitPerTick: 3 });
    const statuses = await Promise.all(fans.map((fan, i) => getQueueStatus({ userId: fan, concertId, number: entered[i]!.number! })));
    expect(statuses.map((s) => s.status)).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);
  });
});

describe("the sales list and CSV", () => {
  it("lists orders newest first, finds them by order number, email or name, and pages without repeats", async () => {
    const o = await organizerWithVenue();
    const { concertId, dates } = await publishedConcert(o);
    const seats = await freeSeats(dates[0]!);
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(await sell(dates[0]!, [seats[i]!.id], { name: i === 2 ? "Zed Zimmer" : `Buyer ${i}` }));

    const first = await sales(o.staff, concertId, "limit=2");
    expect(first.body.items.map((s: { orderNumber: string }) => s.orderNumber)).toEqual([orders[4]!.orderNumber, orders[3]!.orderNumber]);
    expect(first.body.items[0]).toMatchObject({ buyer: { name: "Buyer 4" }, amount: seats[4]!.price, seats: [{ section: seats[4]!.section, number: seats[4]!.number }] });
    const rest = await sales(o.staff, concertId, `limit=10&cursor=${first.body.nextCursor}`);
    expect(rest.body.items.map((s: { orderNumber: string }) => s.orderNumber)).toEqual([orders[2]!.orderNumber, orders[1]!.orderNumber, orders[0]!.orderNumber]);
    expect(rest.body.nextCursor).toBeNull();

    expect((await sales(o.staff, concertId, "q=zimmer")).body.items.map((s: { orderNumber: string }) => s.orderNumber)).toEqual([orders[2]!.orderNumber]);
    expect((await sales(o.staff, concertId, `q=${orders[1]!.orderNumber.slice(-4)}`)).body.items.map((s: { orderNumber: string }) => s.orderNumber)).toContain(orders[1]!.orderNumber);
    // A search for the LIKE wildcard itself finds nothing, not everything.
    expect((await sales(o.staff, concertId, "q=%25")).body.items).toEqual([]);
    expect((await sales(o.staff, concertId, "cursor=forged")).body.errors).toEqual([{ field: "query.cursor", message: "is not a cursor from this API" }]);
  });

  it("streams every ticket as CSV, quoting and defusing what a spreadsheet would misread", async () => {
    const o = await organizerWithVenue();
    const { concertId, dates } = await publishedConcert(o);
    const seats = await freeSeats(dates[0]!);
    const plain = await sell(dates[0]!, [seats[0]!.id, seats[1]!.id], { name: "Ann, the First" });
    await sell(dates[0]!, [seats[2]!.id], { name: '=HYPERLINK("http://evil")' });

    const response = await SALES_CSV(new NextRequest("http://localhost/", { headers: o.staff.auth }), { params: Promise.resolve({ concertId }) });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a byte-order mark, for spreadsheets
    const lines = new TextDecoder().decode(bytes).trimEnd().split("\r\n");
    expect(lines[0]).toBe("order,paid_at,buyer_name,buyer_email,starts_at,section,row,seat,tier,price,ticket_code");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`${plain.orderNumber},`);
    expect(lines[1]).toContain('"Ann, the First"');
    expect(lines[3]).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
