import { db } from "../db";
import { NotFoundError } from "../errors";
import { defaultQueueDeps } from "./enter-queue";
import type { QueueCounters } from "./queue-store";

/**
 * The line's public counters. Waiting clients poll these (through a CDN) instead of
 * their own status, so this also runs the rate-limited admission step that keeps the
 * line moving between cron ticks.
 */
export async function getQueueCounters(concertId: string, deps = defaultQueueDeps()): Promise<QueueCounters & { concertId: string }> {
  await deps.store.admit(concertId, deps.clock.now(), { force: false });
  const counters = await deps.store.counters(concertId);
  // A line nobody has joined reads as zeros; only an unknown concert is an error.
  if (counters.lastNumber === 0 && !(await db.concert.findUnique({ where: { id: concertId }, select: { id: true } }))) {
    throw new NotFoundError("Concert");
  }
  return { concertId, ...counters };
}
