import { db } from "../db";
import { NotFoundError } from "../errors";
import { defaultQueueDeps } from "../queue/enter-queue";
import { QUEUE_COLUMNS, resolveQueueSettings, saleSettingsChanged } from "../queue/settings";
import type { QueueControlView, QueueLimitsBody } from "../schemas/organizer-dashboard";
import { concertStatusError, requireConcertMember } from "./concerts";

// An organizer's hand on a concert's line: pause and resume admission, change its limits.
// Each change is saved with the concert, then recorded in the queue store by a forced
// admission step, so it holds from the store's next step on (both stores; other instances'
// cached settings catch up within SETTINGS_CACHE_MS).

const queueColumns = { status: true, ...QUEUE_COLUMNS } as const;

async function applyToLine(concertId: string, change: { queuePaused?: boolean; queueActiveLimit?: number | null; queueAdmitPerTick?: number | null; queueActiveTtlSeconds?: number | null }, deps = defaultQueueDeps()): Promise<QueueControlView> {
  const found = await db.concert.findUnique({ where: { id: concertId }, select: { status: true } });
  if (!found) throw new NotFoundError("Concert");
  if (found.status !== "PUBLISHED") throw concertStatusError("Only the line of a concert on sale can be paused or changed.");
  // A new settings version: stores keep the newest they are given, whatever order changes reach them in.
  const concert = await db.concert.update({ where: { id: concertId }, data: { ...change, queueSettingsVersion: { increment: 1 } }, select: queueColumns });
  saleSettingsChanged(concertId);
  const settings = resolveQueueSettings(concert);
  await deps.store.admit(concertId, deps.clock.now(), { force: true, settings });
  return {
    paused: concert.queuePaused,
    activeLimit: settings.activeLimit,
    admitPerTick: concert.queueAdmitPerTick ?? resolveQueueSettings({ ...concert, queuePaused: false }).admitPerTick,
    activeTtlSeconds: settings.activeTtlSeconds,
  };
}

/** Stops (or restarts) admission; everyone keeps their place (owners and managers). */
export async function setQueuePaused(actorId: string, concertId: string, paused: boolean, deps = defaultQueueDeps()): Promise<QueueControlView> {
  await requireConcertMember(actorId, concertId, "manage");
  return applyToLine(concertId, { queuePaused: paused }, deps);
}

/** New limits for the line (null: the site's default), effective from its next step (owners and managers). */
export async function updateQueueLimits(actorId: string, concertId: string, input: QueueLimitsBody, deps = defaultQueueDeps()): Promise<QueueControlView> {
  await requireConcertMember(actorId, concertId, "manage");
  return applyToLine(concertId, { queueActiveLimit: input.activeLimit, queueAdmitPerTick: input.admitPerTick, queueActiveTtlSeconds: input.activeTtlSeconds }, deps);
}
