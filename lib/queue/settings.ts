import { pool } from "../db";
import { env } from "../env";
import { NotFoundError } from "../errors";
import { queryRows, sql } from "../sql";
import { processCache } from "../ttl-cache";
import type { QueueSettings } from "./queue-store";

interface ConcertQueueColumns {
  queueActiveLimit: number | null;
  queueAdmitPerTick: number | null;
  queueActiveTtlSeconds: number | null;
  queuePaused: boolean;
  queueSettingsVersion: number;
}

/**
 * A concert's own waiting-room settings, falling back to the QUEUE_* env defaults. A line
 * its organizer paused admits nobody: its admission step is 0, so both stores keep
 * everyone's place and let nobody new in, from their next step on.
 */
export function resolveQueueSettings(concert: ConcertQueueColumns, defaults = env()): QueueSettings {
  return {
    activeLimit: concert.queueActiveLimit ?? defaults.QUEUE_ACTIVE_LIMIT,
    admitPerTick: concert.queuePaused ? 0 : (concert.queueAdmitPerTick ?? defaults.QUEUE_ADMIT_PER_TICK),
    activeTtlSeconds: concert.queueActiveTtlSeconds ?? defaults.QUEUE_ACTIVE_TTL_SECONDS,
    version: concert.queueSettingsVersion,
  };
}

export type ConcertStatus = "DRAFT" | "PUBLISHED" | "CANCELLED";

/** What the sale of a concert runs by: its state, its waiting room, how long holds last. */
export interface SaleSettings {
  status: ConcertStatus;
  queue: QueueSettings;
  holdTtlSeconds: number;
}

/** How long an instance keeps a concert's settings: a change reaches every instance within this. */
export const SETTINGS_CACHE_MS = 2_000;
const settingsCache = processCache<string, SaleSettings>("queue.settings", 10_000);

/** A concert's sale settings; a draft is not found (fans never see one). */
export function getSaleSettingsOrThrow(concertId: string): Promise<SaleSettings> {
  return settingsCache.getOrLoad(concertId, async () => {
    const [concert] = await queryRows<ConcertQueueColumns & { status: ConcertStatus; holdTtlSeconds: number | null }>(
      pool(),
      sql`SELECT status, queue_active_limit AS "queueActiveLimit", queue_admit_per_tick AS "queueAdmitPerTick",
                 queue_active_ttl_seconds AS "queueActiveTtlSeconds", queue_paused AS "queuePaused",
                 queue_settings_version AS "queueSettingsVersion", hold_ttl_seconds AS "holdTtlSeconds"
            FROM concerts WHERE id = ${concertId}::uuid`,
    );
    if (!concert || concert.status === "DRAFT") throw new NotFoundError("Concert");
    const value = { status: concert.status, queue: resolveQueueSettings(concert), holdTtlSeconds: concert.holdTtlSeconds ?? env().HOLD_TTL_SECONDS };
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
