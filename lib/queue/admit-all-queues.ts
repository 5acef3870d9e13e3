import { db } from "../db";
import { defaultQueueDeps } from "./enter-queue";
import { resolveQueueSettings } from "./settings";

export interface QueueTickResult {
  concertId: string;
  admitted: number;
  serving: number;
}

/**
 * The cron side of admission: one forced step for every line of a concert on sale. Settings are
 * refreshed on the way, so a changed limit takes effect within a tick.
 */
export async function admitAllQueues(deps = defaultQueueDeps()): Promise<QueueTickResult[]> {
  const concerts = await db.concert.findMany({
    where: { status: "PUBLISHED" },
    select: { id: true, queueActiveLimit: true, queueAdmitPerTick: true, queueActiveTtlSeconds: true, queuePaused: true, queueSettingsVersion: true },
  });
  const now = deps.clock.now();
  const results: QueueTickResult[] = [];
  for (const concert of concerts) {
    // One line's failure must not stop the others from moving.
    try {
      const step = await deps.store.admit(concert.id, now, { force: true, settings: resolveQueueSettings(concert) });
      if (step) results.push({ concertId: concert.id, ...step });
    } catch (error) {
      console.error(JSON.stringify({ level: "error", job: "admit", concertId: concert.id, message: (error as Error).message }));
    }
  }
  return results;
}
