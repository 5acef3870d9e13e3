import { z } from "zod";
import { idParam } from "./ids";

export const paymentBody = z.object({ holdId: idParam("must be a hold id") });

export const ticketView = z.object({
  id: z.uuid(),
  code: z.string(),
  orderNumber: z.string().describe("The order (payment) this ticket was bought in"),
  concert: z.object({ id: z.uuid(), title: z.string(), venue: z.string(), timeZone: z.string().describe("IANA time zone of the venue; show times are local to it") }),
  startsAt: z.iso.datetime(),
  seat: z.object({ id: z.uuid(), section: z.string(), row: z.string(), number: z.number().int(), tier: z.string() }),
  price: z.number().int(),
  paidAt: z.iso.datetime(),
});
export type TicketView = z.infer<typeof ticketView>;

export const receiptView = z.object({
  id: z.uuid(),
  orderNumber: z.string().describe("Short order number, e.g. KRVE-GJ9X: GET /api/v1/me/orders/{orderNumber}"),
  holdId: z.uuid(),
  amount: z.number().int(),
  /** Wallet balance after paying. */
  balance: z.number().int(),
  paidAt: z.iso.datetime(),
  tickets: z.array(ticketView),
});
export type ReceiptView = z.infer<typeof receiptView>;

export const orderNumberParam = z.object({
  orderNumber: z
    .string()
    .transform((value) => value.trim().toUpperCase())
    .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, "must be an order number like KRVE-GJ9X")),
});

export const orderView = z.object({
  orderNumber: z.string(),
  paymentId: z.uuid(),
  holdId: z.uuid(),
  amount: z.number().int(),
  balanceAfter: z.number().int().describe("Your wallet balance right after this payment"),
  paidAt: z.iso.datetime(),
  concert: ticketView.shape.concert,
  startsAt: z.iso.datetime(),
  tickets: z.array(ticketView).describe("By seat: section, row, number"),
});
export type OrderView = z.infer<typeof orderView>;
