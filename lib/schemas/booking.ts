import { z } from "zod";
import { idParam } from "./ids";

export const scheduleParams = z.object({ scheduleId: idParam("must be a schedule id") });
export const holdParams = z.object({ holdId: idParam("must be a hold id") });

export const MAX_SEATS_PER_HOLD = 4;

const heldSeatIds = z
  .array(idParam("must be a seat id"))
  .min(1, "pick at least one seat")
  .max(MAX_SEATS_PER_HOLD, `pick at most ${MAX_SEATS_PER_HOLD} seats`)
  .refine((ids) => new Set(ids).size === ids.length, "must not repeat a seat");

export const createHoldBody = z.object({ scheduleId: idParam("must be a schedule id"), seatIds: heldSeatIds });
export type CreateHoldBody = z.infer<typeof createHoldBody>;

const price = z.number().int("must be a whole number of won").min(0, "must not be negative").max(100_000_000, "must be at most 100,000,000");

export const bestAvailableBody = z
  .object({
    scheduleId: idParam("must be a schedule id"),
    count: z.number().int("must be a whole number").min(1, "must be at least 1").max(MAX_SEATS_PER_HOLD, `must be at most ${MAX_SEATS_PER_HOLD}`),
    minPrice: price.optional().describe("Cheapest seat price to consider (KRW)"),
    maxPrice: price.optional().describe("Dearest seat price to consider (KRW)"),
  })
  .refine((body) => body.minPrice === undefined || body.maxPrice === undefined || body.minPrice <= body.maxPrice, {
    path: ["maxPrice"],
    message: "must not be below minPrice",
  });
export type BestAvailableBody = z.infer<typeof bestAvailableBody>;

/** The seats the hold should have from now on: kept, added and dropped in one go. */
export const changeHoldBody = z.object({ seatIds: heldSeatIds });
export type ChangeHoldBody = z.infer<typeof changeHoldBody>;

export const seatStatus = z.enum(["AVAILABLE", "HELD", "SOLD"]);
export type SeatStatus = z.infer<typeof seatStatus>;

export const seatView = z.object({
  id: z.uuid(),
  section: z.string(),
  row: z.string(),
  number: z.number().int(),
  tier: z.string(),
  price: z.number().int(),
  status: seatStatus,
});
export type SeatView = z.infer<typeof seatView>;

/** The venue layout version the date's seats were made from. */
const layoutVersion = z.int().min(1);
/** Counts changes to the date's seats (prices); a client holding a map of an older revision loads it again. */
const revision = z.int().min(1);

export const seatMapView = z.object({
  scheduleId: z.uuid(),
  concertId: z.uuid(),
  startsAt: z.iso.datetime(),
  layoutVersion,
  revision,
  seats: z.array(seatView),
});
export type SeatMapView = z.infer<typeof seatMapView>;

/** One character per seat, in the seat map's order: A available, H held, S sold. */
export const seatStatusesView = z.object({
  scheduleId: z.uuid(),
  layoutVersion,
  revision,
  statuses: z.string().regex(/^[AHS]*$/),
});
export type SeatStatusesView = z.infer<typeof seatStatusesView>;

export const bookableScheduleView = z.object({
  id: z.uuid(),
  startsAt: z.iso.datetime(),
  seats: z.object({ total: z.number().int(), available: z.number().int() }),
  /** Lowest and highest seat price, in KRW. */
  prices: z.object({ min: z.number().int(), max: z.number().int() }),
});
export type BookableScheduleView = z.infer<typeof bookableScheduleView>;

export const dateAvailability = z.enum(["AVAILABLE", "SELLING_FAST", "SOLD_OUT", "NOT_ON_SALE_YET"]);
export type DateAvailability = z.infer<typeof dateAvailability>;

/** An upcoming date as anyone may see it, in line or not. */
export const concertDateView = bookableScheduleView.extend({
  salesOpenAt: z.iso.datetime(),
  onSale: z.boolean(),
  availability: dateAvailability,
});
export type ConcertDateView = z.infer<typeof concertDateView>;

export const holdStatus = z.enum(["ACTIVE", "RELEASED", "EXPIRED", "PAID"]);

export const holdView = z.object({
  id: z.uuid(),
  scheduleId: z.uuid(),
  concertId: z.uuid(),
  status: holdStatus,
  seats: z.array(seatView.omit({ status: true })),
  amount: z.number().int(),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type HoldView = z.infer<typeof holdView>;

/** All of a user's live holds (one per date at most, so never paged). */
export const liveHoldsView = z.object({ items: z.array(holdView) });
