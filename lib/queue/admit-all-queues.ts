import { db } from "../db";
import { defaultQueueDeps } from "./enter-queue";
import { drawIfDue } from "./draw";
import { drawIsDue } from "./on-sale";
import { QUEUE_COLUMNS, resolveQueueSettings } from "./settings";

export interface QueueTickResult {
  concertId: string;
  admitted: number;
  serving: number;
}

/**
 * The cron side of admission: one forced step for every line of a concert on sale, after
 * its draw when that is due. Settings are refreshed on the way, so a changed limit (or the
 * next step of an admission ramp) takes effect within a tick.
 */
export async function admitAllQueues(deps = defaultQueueDeps()): Promise<QueueTickResult[]> {
  const concerts = await db.concert.findMany({
    where: { status: "PUBLISHED" },
    select: { id: true, ...QUEUE_COLUMNS, preQueueOpensAt: true, queueDraw: { select: { drawnAt: true } } },
  });
  const now = deps.clock.now();
  const results: QueueTickResult[] = [];
  for (const concert of concerts) {
    // One line's failure must not stop the others from moving.
    try {
      if (drawIsDue({ ...concert, drawnAt: concert.queueDraw?.drawnAt ?? null }, now)) await drawIfDue(concert.id, deps);
      const step = await deps.store.admit(concert.id, now, { force: true, settings: resolveQueueSettings(concert, now) });
      if (step) results.push({ concertId: concert.id, ...step });
    } catch (error) {
      console.error(JSON.stringify({ level: "error", job: "admit", concertId: concert.id, message: (error as Error).message }));
    }
  }
  return results;
}
