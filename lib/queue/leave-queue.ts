import { releaseConcertHolds } from "../booking/release-hold";
import { defaultQueueDeps } from "./enter-queue";
import { forgetActivePlace } from "./queue-guard";
import type { QueueClaims } from "./queue-token";

/**
 * Gives up the token holder's place (leaving, or done after paying): the token stops
 * working at once, waiting people behind move up, an active slot frees. Seats still held
 * on the concert's dates go back too: without a place nobody can pay for them.
 */
export async function leaveQueue(claims: QueueClaims, deps = defaultQueueDeps()): Promise<void> {
  forgetActivePlace(claims);
  await deps.store.release(claims.concertId, claims.userId, claims.number);
  await releaseConcertHolds(claims.userId, claims.concertId, deps.clock);
}
