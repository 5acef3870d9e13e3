import { z } from "zod";
import { idParam } from "./ids";

export const paymentBody = z.object({ holdId: idParam("must be a hold id") });

export const ticketView = z.object({
  id: z.uuid(),
  code: z.string(),
  concert: z.object({ id: z.uuid(), title: z.string(), venue: z.string(), timeZone: z.string().describe("IANA time zone of the venue; show times are local to it") }),
  startsAt: z.iso.datetime(),
  seat: z.object({ id: z.uuid(), section: z.string(), row: z.string(), number: z.number().int(), tier: z.string() }),
  price: z.number().int(),
  paidAt: z.iso.datetime(),
});
export type TicketView = z.infer<typeof ticketView>;

export const receiptView = z.object({
  id: z.uuid(),
  holdId: z.uuid(),
  amount: z.number().int(),
  /** Wallet balance after paying. */
  balance: z.number().int(),
  paidAt: z.iso.datetime(),
  tickets: z.array(ticketView),
});
export type ReceiptView = z.infer<typeof receiptView>;
