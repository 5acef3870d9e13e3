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
}

/** A concert's own waiting-room settings, falling back to the QUEUE_* env defaults. */
export function resolveQueueSettings(concert: ConcertQueueColumns, defaults = env()): QueueSettings {
  return {
    activeLimit: concert.queueActiveLimit ?? defaults.QUEUE_ACTIVE_LIMIT,
    admitPerTick: concert.queueAdmitPerTick ?? defaults.QUEUE_ADMIT_PER_TICK,
    activeTtlSeconds: concert.queueActiveTtlSeconds ?? defaults.QUEUE_ACTIVE_TTL_SECONDS,
  };
}

/** How long an instance keeps a concert's settings: a change reaches every instance within this. */
export const SETTINGS_CACHE_MS = 2_000;
const settingsCache = processCache<string, QueueSettings>("queue.settings", 10_000);

export function getQueueSettingsOrThrow(concertId: string): Promise<QueueSettings> {
  return settingsCache.getOrLoad(concertId, async () => {
    const [concert] = await queryRows<ConcertQueueColumns>(
      pool(),
      sql`SELECT queue_active_limit AS "queueActiveLimit", queue_admit_per_tick AS "queueAdmitPerTick",
                 queue_active_ttl_seconds AS "queueActiveTtlSeconds"
            FROM concerts WHERE id = ${concertId}::uuid`,
    );
    if (!concert) throw new NotFoundError("Concert");
    return { value: resolveQueueSettings(concert), until: Date.now() + SETTINGS_CACHE_MS };
  });
}
