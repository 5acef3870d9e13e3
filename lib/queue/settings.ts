import { pool } from "../db";
import { env } from "../env";
import { NotFoundError } from "../errors";
import { queryRows, sql } from "../sql";
import { processCache } from "../ttl-cache";
import { scheduledAdmitPerTick, type AdmissionStep, type OnSale } from "./on-sale";
import type { QueueSettings } from "./queue-store";
import type { ViewContext } from "./queue-view";

/** The concert columns a line's settings come from (select them with QUEUE_COLUMNS). */
export interface ConcertQueueColumns {
  queueActiveLimit: number | null;
  queueAdmitPerTick: number | null;
  queueActiveTtlSeconds: number | null;
  queuePaused: boolean;
  queueSettingsVersion: number;
  abandonAfterMinutes: number | null;
  admissionSchedule: unknown;
  salesOpenAt: Date | null;
}

export const QUEUE_COLUMNS = {
  queueActiveLimit: true,
  queueAdmitPerTick: true,
  queueActiveTtlSeconds: true,
  queuePaused: true,
  queueSettingsVersion: true,
  abandonAfterMinutes: true,
  admissionSchedule: true,
  salesOpenAt: true,
} as const;

/**
 * A concert's own waiting-room settings at `now`, falling back to the QUEUE_* env
 * defaults; an admission ramp, when set, gives the admissions per step. A line its
 * organizer paused admits nobody: its admission step is 0, so both stores keep everyone's
 * place and let nobody new in, from their next step on.
 */
export function resolveQueueSettings(concert: ConcertQueueColumns, now = new Date(), defaults = env()): QueueSettings {
  const ramp = scheduledAdmitPerTick(concert.admissionSchedule as AdmissionStep[], concert.salesOpenAt, now);
  return {
    activeLimit: concert.queueActiveLimit ?? defaults.QUEUE_ACTIVE_LIMIT,
    admitPerTick: concert.queuePaused ? 0 : (ramp ?? concert.queueAdmitPerTick ?? defaults.QUEUE_ADMIT_PER_TICK),
    activeTtlSeconds: concert.queueActiveTtlSeconds ?? defaults.QUEUE_ACTIVE_TTL_SECONDS,
    abandonAfterSeconds: concert.abandonAfterMinutes === null ? null : concert.abandonAfterMinutes * 60,
    version: concert.queueSettingsVersion,
  };
}

export type ConcertStatus = "DRAFT" | "PUBLISHED" | "CANCELLED";

/** What the sale of a concert runs by: its state, its waiting room and on-sale, who may join, how long holds last. */
export interface SaleSettings {
  status: ConcertStatus;
  queue: QueueSettings;
  onSale: OnSale;
  /** The proof-of-work each entrant must show (the largest number a challenge hides); 0: none. */
  challengeDifficulty: number;
  minAccountAgeDays: number;
  holdTtlSeconds: number;
}

/** How long an instance keeps a concert's settings: a change reaches every instance within this. */
export const SETTINGS_CACHE_MS = 2_000;
const settingsCache = processCache<string, SaleSettings>("queue.settings", 10_000);

/** A concert's sale settings; a draft is not found (fans never see one). */
export function getSaleSettingsOrThrow(concertId: string): Promise<SaleSettings> {
  return settingsCache.getOrLoad(concertId, async () => {
    type Row = ConcertQueueColumns & Omit<SaleSettings, "queue" | "onSale" | "holdTtlSeconds"> & { holdTtlSeconds: number | null; preQueueOpensAt: Date | null; drawnAt: Date | null };
    const [concert] = await queryRows<Row>(
      pool(),
      sql`SELECT c.status, c.queue_active_limit AS "queueActiveLimit", c.queue_admit_per_tick AS "queueAdmitPerTick",
                 c.queue_active_ttl_seconds AS "queueActiveTtlSeconds", c.queue_paused AS "queuePaused",
                 c.queue_settings_version AS "queueSettingsVersion", c.abandon_after_minutes AS "abandonAfterMinutes",
                 c.admission_schedule AS "admissionSchedule", c.pre_queue_opens_at AS "preQueueOpensAt",
                 c.sales_open_at AS "salesOpenAt", d.drawn_at AS "drawnAt", c.challenge_difficulty AS "challengeDifficulty",
                 c.min_account_age_days AS "minAccountAgeDays", c.hold_ttl_seconds AS "holdTtlSeconds"
            FROM concerts c LEFT JOIN queue_draws d ON d.concert_id = c.id WHERE c.id = ${concertId}::uuid`,
    );
    if (!concert || concert.status === "DRAFT") throw new NotFoundError("Concert");
    const value: SaleSettings = {
      status: concert.status,
      queue: resolveQueueSettings(concert),
      onSale: { preQueueOpensAt: concert.preQueueOpensAt, salesOpenAt: concert.salesOpenAt, drawnAt: concert.drawnAt },
      challengeDifficulty: concert.challengeDifficulty,
      minAccountAgeDays: concert.minAccountAgeDays,
      holdTtlSeconds: concert.holdTtlSeconds ?? env().HOLD_TTL_SECONDS,
    };
    return { value, until: Date.now() + SETTINGS_CACHE_MS };
  });
}

/** The concert's settings or state changed on this instance: read them afresh here (elsewhere within SETTINGS_CACHE_MS). */
export function saleSettingsChanged(concertId: string): void {
  settingsCache.delete(concertId);
}

export async function getQueueSettingsOrThrow(concertId: string): Promise<QueueSettings> {
  return (await getSaleSettingsOrThrow(concertId)).queue;
}

/** What a fan's view of their place needs of the sale. */
export const viewContext = (sale: SaleSettings): ViewContext => ({
  drawAt: sale.onSale.salesOpenAt,
  abandonAfterSeconds: sale.queue.abandonAfterSeconds ?? null,
});
