import { bySeat } from "@/lib/booking/seat-order";
import type { TicketView } from "@/lib/schemas/payments";

export interface OrderGroup {
  orderNumber: string;
  paidAt: string;
  tickets: TicketView[];
}

export interface ShowGroup {
  key: string;
  concert: TicketView["concert"];
  startsAt: string;
  orders: OrderGroup[];
}

/** Tickets by show (soonest first), then by order (newest first), then by seat. */
export function groupTickets(tickets: TicketView[]): ShowGroup[] {
  const shows = new Map<string, ShowGroup>();
  for (const ticket of tickets) {
    const key = `${ticket.concert.id}@${ticket.startsAt}`;
    const show = shows.get(key) ?? { key, concert: ticket.concert, startsAt: ticket.startsAt, orders: [] };
    shows.set(key, show);
    let order = show.orders.find((o) => o.orderNumber === ticket.orderNumber);
    if (!order) {
      order = { orderNumber: ticket.orderNumber, paidAt: ticket.paidAt, tickets: [] };
      show.orders.push(order);
    }
    order.tickets.push(ticket);
  }
  const groups = [...shows.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const show of groups) {
    show.orders.sort((a, b) => b.paidAt.localeCompare(a.paidAt));
    for (const order of show.orders) order.tickets.sort((a, b) => bySeat(a.seat, b.seat));
  }
  return groups;
}
