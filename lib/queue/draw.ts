import { pool } from "../db";
import { NotFoundError } from "../errors";
import { execute, queryRows, sql } from "../sql";
import type { Tx } from "../transaction";
import { processCache } from "../ttl-cache";
import { commitmentOf, DRAW_ALGORITHM, drawOrder, LIST_HASH_ALGORITHM, listHash, newSeed } from "./draw-order";
import type { QueueDeps } from "./enter-queue";
import { verifyDraw, type DrawVerification } from "./verify-draw";
import { getSaleSettingsOrThrow, saleSettingsChanged, type SaleSettings } from "./settings";

// The on-sale draw of a concert's pre-queue (draw-order.ts has the rules). One instance
// draws: it claims the draw in PostgreSQL, closes the store's pre-queue, orders the
// closed list, has the store number it, and publishes the seed and the list. Each step is
// idempotent, so a claim that outlives its instance is taken over and the draw finishes
// the same.

/** A claim older than this is taken to be dead: another instance draws. */
const CLAIM_TIMEOUT_SECONDS = 30;

/**
 * Keeps the concert's draw in step with its pre-queue, in the transaction that sets it: a
 * concert with a pre-queue commits to a fresh secret seed (kept when it has one), and one
 * without has no undrawn draw. A made draw stays as it was.
 */
export async function syncDrawCommitment(tx: Pick<Tx, "$executeRaw">, concertId: string, hasPreQueue: boolean): Promise<void> {
  if (!hasPreQueue) {
    await tx.$executeRaw`DELETE FROM queue_draws WHERE concert_id = ${concertId}::uuid AND drawn_at IS NULL`;
    return;
  }
  const seed = newSeed();
  await tx.$executeRaw`INSERT INTO queue_draws (concert_id, seed, commitment) VALUES (${concertId}::uuid, ${seed}, ${commitmentOf(seed)})
                       ON CONFLICT (concert_id) DO NOTHING`;
}

/** How long a finished close is reused on this instance before asking the stores again. */
const CLOSE_REUSE_MS = 1_000;
const closes = processCache<string, true>("queue.draw-closes", 1_000);

/**
 * Makes the draw, or, when another instance is making it, makes sure its pre-queue is
 * closed (so nobody joins in arrival order ahead of it). One at a time per concert on this
 * instance, its outcome shared by every request meanwhile and for a moment after: at the
 * open, thousands of requests must not each fetch the closed list.
 */
export async function drawOrClose(concertId: string, sale: SaleSettings, deps: QueueDeps): Promise<void> {
  await closes.getOrLoad(concertId, async () => {
    if (!(await drawIfDue(concertId, deps))) await deps.store.closePreQueue(concertId, sale.queue);
    return { value: true, until: Date.now() + CLOSE_REUSE_MS };
  });
}

/** drawOrClose for a poll, which does not wait for it: a failure is logged, and the next poll, entry or tick tries again. */
export function drawInBackground(concertId: string, sale: SaleSettings, deps: QueueDeps): void {
  drawOrClose(concertId, sale, deps).catch((error: Error) =>
    console.error(JSON.stringify({ level: "error", job: "draw", concertId, message: error.message })),
  );
}

export interface DrawOutcome {
  entries: number;
  /** Time from the claim to the published draw. */
  ms: number;
  /** Of which: closing the pre-queue, ordering it, numbering it in the store, publishing it. */
  stagesMs: { close: number; order: number; place: number; publish: number };
}

/**
 * Makes the concert's draw when its sale has opened and nobody else is making it; null
 * when there was nothing to do here (not due, already drawn, or another instance's turn).
 */
export async function drawIfDue(concertId: string, deps: QueueDeps): Promise<DrawOutcome | null> {
  const started = performance.now();
  const now = deps.clock.now();
  const [claim] = await queryRows<{ seed: Buffer }>(
    pool(),
    sql`
    UPDATE queue_draws d SET drawing_since = ${now}::timestamptz
      FROM concerts c
     WHERE d.concert_id = ${concertId}::uuid AND c.id = d.concert_id AND c.pre_queue_opens_at IS NOT NULL AND c.sales_open_at <= ${now}::timestamptz
       AND d.drawn_at IS NULL
       AND (d.drawing_since IS NULL OR d.drawing_since < ${now}::timestamptz - make_interval(secs => ${CLAIM_TIMEOUT_SECONDS}))
    RETURNING d.seed`,
  );
  if (!claim) return null;
  const lap = stopwatch();
  const { queue } = await getSaleSettingsOrThrow(concertId);
  const closed = await deps.store.closePreQueue(concertId, queue);
  const close = lap();
  const drawn = drawOrder(claim.seed, closed.entryIds);
  const order = lap();
  await deps.store.placeDrawn(concertId, drawn, now);
  const place = lap();
  const ms = Math.round(performance.now() - started);
  await execute(
    pool(),
    sql`
    UPDATE queue_draws SET drawn_at = ${deps.clock.now()}::timestamptz, first_number = ${closed.firstNumber}::int,
           entry_ids = ${drawn}::text[], list_hash = ${listHash(closed.entryIds)}, draw_ms = ${ms}::int, drawing_since = NULL
     WHERE concert_id = ${concertId}::uuid`,
  );
  saleSettingsChanged(concertId);
  return { entries: drawn.length, ms: Math.round(performance.now() - started), stagesMs: { close, order, place, publish: lap() } };
}

/** Milliseconds since the previous call (or its making). */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const ms = Math.round(now - last);
    last = now;
    return ms;
  };
}

export interface CheckedDraw {
  draw: PublishedDraw;
  /** Null until the draw is made. */
  verification: DrawVerification | null;
}

const checkedDraws = processCache<string, CheckedDraw>("queue.checked-draws", 20);

/** The published draw with its verification, as the draw page shows it: a made draw never changes, so it is checked once per instance. */
export function getCheckedDraw(concertId: string): Promise<CheckedDraw> {
  return checkedDraws.getOrLoad(concertId, async () => {
    const draw = await getPublishedDraw(concertId);
    const verification = draw.drawnAt ? verifyDraw(draw) : null;
    return { value: { draw, verification }, until: Date.now() + (verification ? 3_600_000 : 5_000) };
  });
}

/** The public record of a draw: the commitment from the start; the seed and list once drawn. */
export interface PublishedDraw {
  concertId: string;
  preQueueOpensAt: string | null;
  salesOpenAt: string | null;
  algorithm: string;
  listHashAlgorithm: string;
  commitment: string;
  committedAt: string;
  drawnAt: string | null;
  /** Hex; null until the draw. */
  seed: string | null;
  /** The line number of the first drawn entry; the k-th entry in `entryIds` has firstNumber + k − 1. */
  firstNumber: number | null;
  listHash: string | null;
  /** Entry ids in drawn order; null until the draw. */
  entryIds: string[] | null;
}

export async function getPublishedDraw(concertId: string): Promise<PublishedDraw> {
  const [row] = await queryRows<{
    pre_queue_opens_at: Date | null;
    sales_open_at: Date | null;
    status: string;
    seed: Buffer;
    commitment: string;
    committed_at: Date;
    drawn_at: Date | null;
    first_number: number | null;
    list_hash: string | null;
    entry_ids: string[] | null;
  }>(
    pool(),
    sql`
    SELECT c.pre_queue_opens_at, c.sales_open_at, c.status, d.seed, d.commitment, d.committed_at, d.drawn_at,
           d.first_number, d.list_hash, d.entry_ids
      FROM concerts c JOIN queue_draws d ON d.concert_id = c.id WHERE c.id = ${concertId}::uuid`,
  );
  if (!row || row.status === "DRAFT") throw new NotFoundError("Draw");
  const drawn = row.drawn_at !== null;
  return {
    concertId,
    preQueueOpensAt: row.pre_queue_opens_at?.toISOString() ?? null,
    salesOpenAt: row.sales_open_at?.toISOString() ?? null,
    algorithm: DRAW_ALGORITHM,
    listHashAlgorithm: LIST_HASH_ALGORITHM,
    commitment: row.commitment,
    committedAt: row.committed_at.toISOString(),
    drawnAt: row.drawn_at?.toISOString() ?? null,
    // The seed stays secret until the list it orders is closed.
    seed: drawn ? row.seed.toString("hex") : null,
    firstNumber: drawn ? row.first_number : null,
    listHash: drawn ? row.list_hash : null,
    entryIds: drawn ? (row.entry_ids ?? []) : null,
  };
}
