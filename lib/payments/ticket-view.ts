import type { TicketView } from "../schemas/payments";

export const ticketSelect = {
  id: true,
  code: true,
  price: true,
  createdAt: true,
  payment: { select: { orderNumber: true } },
  schedule: { select: { startsAt: true, concert: { select: { id: true, title: true, venue: true, timeZone: true } } } },
  seat: { select: { id: true, section: true, row: true, number: true, tier: true } },
} as const;

export interface TicketRecord {
  id: string;
  code: string;
  price: number;
  createdAt: Date;
  payment: { orderNumber: string };
  schedule: { startsAt: Date; concert: TicketView["concert"] };
  seat: TicketView["seat"];
}

export function ticketView(row: TicketRecord): TicketView {
  return {
    id: row.id,
    code: row.code,
    orderNumber: row.payment.orderNumber,
    concert: row.schedule.concert,
    startsAt: row.schedule.startsAt.toISOString(),
    seat: row.seat,
    price: row.price,
    paidAt: row.createdAt.toISOString(),
  };
}
