import { db } from "../db";
import { env } from "../env";
import { NotFoundError } from "../errors";
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

export async function getQueueSettingsOrThrow(concertId: string): Promise<QueueSettings> {
  const concert = await db.concert.findUnique({
    where: { id: concertId },
    select: { queueActiveLimit: true, queueAdmitPerTick: true, queueActiveTtlSeconds: true },
  });
  if (!concert) throw new NotFoundError("Concert");
  return resolveQueueSettings(concert);
}
