import { describe, expect, it } from "vitest";
import type { TicketView } from "@/lib/schemas/payments";
import { groupTickets } from "./group-tickets";

const concert = (id: string) => ({ id, title: `Concert ${id}`, venue: "Hall", timeZone: "Asia/Seoul" });
let serial = 0;
const ticket = (show: string, startsAt: string, orderNumber: string, paidAt: string, section: string, row: string, number: number): TicketView => ({
  id: `t${++serial}`,
  code: `SP-${serial}`,
  orderNumber,
  concert: concert(show),
  startsAt,
  seat: { id: `s${serial}`, section, row, number, tier: "R" },
  price: 10_000 * number,
  paidAt,
});

describe("groupTickets", () => {
  it("groups by show (soonest first), then order (newest first), with seats in seat order", () => {
    const groups = groupTickets([
      ticket("a", "2027-03-01T10:00:00.000Z", "AAAA-0001", "2026-11-20T00:00:00.000Z", "B", "10", 1),
      ticket("b", "2027-01-01T10:00:00.000Z", "BBBB-0001", "2026-11-21T00:00:00.000Z", "A", "1", 2),
      ticket("a", "2027-03-01T10:00:00.000Z", "AAAA-0001", "2026-11-20T00:00:00.000Z", "B", "9", 4),
      ticket("a", "2027-03-01T10:00:00.000Z", "AAAA-0002", "2026-11-22T00:00:00.000Z", "A", "1", 1),
      // Same concert, another date: a show of its own.
      ticket("a", "2027-03-02T10:00:00.000Z", "AAAA-0003", "2026-11-22T00:00:00.000Z", "A", "1", 1),
    ]);
    expect(groups.map((g) => `${g.concert.id} ${g.startsAt.slice(0, 10)}`)).toEqual(["b 2027-01-01", "a 2027-03-01", "a 2027-03-02"]);
    const show = groups[1]!;
    expect(show.orders.map((o) => o.orderNumber)).toEqual(["AAAA-0002", "AAAA-0001"]);
    expect(show.orders[1]!.tickets.map((t) => `${t.seat.section}${t.seat.row}-${t.seat.number}`)).toEqual(["B9-4", "B10-1"]);
  });

  it("has nothing to show for no tickets", () => {
    expect(groupTickets([])).toEqual([]);
  });
});
