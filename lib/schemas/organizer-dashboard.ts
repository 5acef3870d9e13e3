import { z } from "zod";
import { pageQuery } from "../pagination";
import { text } from "./text";

// What the organizer's on-sale dashboard, queue controls and sales list send and get.

export const queueLimitsBody = z
  .object({
    /** Shoppers admitted at once (null: the site's default). */
    activeLimit: z.int().min(1).max(100_000).nullable().optional(),
    /** Admitted per admission step. */
    admitPerTick: z.int().min(1).max(10_000).nullable().optional(),
    /** Shopping time once admitted, in seconds. */
    activeTtlSeconds: z.int().min(60, "must be at least 60 seconds").max(7_200, "must be at most 2 hours").nullable().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "must change something");
export type QueueLimitsBody = z.output<typeof queueLimitsBody>;

export const queueControlView = z.object({
  paused: z.boolean(),
  activeLimit: z.int(),
  admitPerTick: z.int(),
  activeTtlSeconds: z.int(),
});
export type QueueControlView = z.infer<typeof queueControlView>;

const count = z.int().min(0);

export const dashboardView = z.object({
  concertId: z.uuid(),
  status: z.enum(["DRAFT", "PUBLISHED", "CANCELLED"]),
  /** When these figures were read. */
  generatedAt: z.iso.datetime(),
  queue: z.object({
    paused: z.boolean(),
    /** In the pre-queue, waiting for the draw. */
    preQueue: count,
    waiting: count,
    admitted: count,
    active: count,
    activeLimit: z.int(),
    /** The last number let in, and the last handed out. */
    serving: count,
    lastNumber: count,
    /** Admissions per minute, smoothed over about 30 s. */
    admittedPerMinute: z.number(),
    /** How long the last in line should wait at this rate; null when nobody waits or nobody is being let in. */
    lastInLineEtaSeconds: z.int().nullable(),
  }),
  holdsLive: count,
  ticketsSold: count,
  /** Won taken, all dates. */
  revenue: count,
  tiers: z.array(z.object({ name: z.string(), colour: z.string(), price: z.int(), seats: count, sold: count, held: count, free: count })),
  dates: z.array(z.object({ id: z.uuid(), startsAt: z.iso.datetime(), seats: count, sold: count, held: count })),
  /** Per section of each date, for the heat map of the plan. */
  sections: z.array(z.object({ scheduleId: z.uuid(), section: z.string(), seats: count, sold: count, held: count })),
  /** The last 30 minutes, oldest first, one entry per minute (zeros included). */
  perMinute: z.array(z.object({ minute: z.iso.datetime(), payments: count, tickets: count, revenue: count, errors: count })),
});
export type DashboardView = z.infer<typeof dashboardView>;

export const salesQuery = pageQuery.extend({
  /** Part of an order number, a buyer's email or name. */
  q: text().trim().max(100).optional(),
});
export type SalesQuery = z.infer<typeof salesQuery>;

export const saleView = z.object({
  orderNumber: z.string(),
  paidAt: z.iso.datetime(),
  buyer: z.object({ name: z.string(), email: z.string() }),
  scheduleId: z.uuid(),
  startsAt: z.iso.datetime(),
  amount: count,
  seats: z.array(z.object({ section: z.string(), row: z.string(), number: z.int(), tier: z.string(), price: z.int() })),
});
export type SaleView = z.infer<typeof saleView>;
