import { systemClock, type Clock } from "../clock";
import { db } from "../db";
import type { HoldView } from "../schemas/booking";
import { holdRecordSelect, holdView } from "./hold-view";

/**
 * The user's live holds, newest first: at most one per date, so the list is short. This is
 * how a client whose create-hold response was lost (a crash, a dropped connection) finds
 * the hold it made, instead of being stuck with HOLD_EXISTS.
 */
export async function listLiveHolds(userId: string, clock: Clock = systemClock): Promise<HoldView[]> {
  const now = clock.now();
  const holds = await db.hold.findMany({
    where: { userId, status: "ACTIVE", expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: holdRecordSelect,
  });
  return holds.map((hold) => holdView(hold, now));
}
