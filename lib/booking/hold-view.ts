import type { HoldView } from "../schemas/booking";
import { bySeat } from "./seat-order";

export interface HoldRecord {
  id: string;
  scheduleId: string;
  status: "ACTIVE" | "RELEASED" | "EXPIRED" | "PAID";
  amount: number;
  expiresAt: Date;
  createdAt: Date;
  schedule: { concertId: string };
  seats: { price: number; seat: { id: string; section: string; row: string; number: number; tier: string } }[];
}

/** The API's view of a hold; an ACTIVE hold past its expiry is EXPIRED, cron or not. */
export function holdView(hold: HoldRecord, now: Date): HoldView {
  const lapsed = hold.status === "ACTIVE" && hold.expiresAt <= now;
  return {
    id: hold.id,
    scheduleId: hold.scheduleId,
    concertId: hold.schedule.concertId,
    status: lapsed ? "EXPIRED" : hold.status,
    seats: hold.seats
      .map(({ price, seat }) => ({ ...seat, price }))
      .sort(bySeat),
    amount: hold.amount,
    expiresAt: hold.expiresAt.toISOString(),
    createdAt: hold.createdAt.toISOString(),
  };
}

export const holdRecordSelect = {
  id: true,
  scheduleId: true,
  status: true,
  amount: true,
  expiresAt: true,
  createdAt: true,
  schedule: { select: { concertId: true } },
  seats: { select: { price: true, seat: { select: { id: true, section: true, row: true, number: true, tier: true } } } },
} as const;

/** A hold as hold_record() returns it (the one_statement_holds_and_payments migration). */
export type JsonHoldRecord = Omit<HoldRecord, "expiresAt" | "createdAt"> & { expiresAt: string; createdAt: string };

export const fromJson = (hold: JsonHoldRecord): HoldRecord => ({ ...hold, expiresAt: new Date(hold.expiresAt), createdAt: new Date(hold.createdAt) });
