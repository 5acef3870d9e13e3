// npm run bench:draw — the on-sale draw at scale, on both queue stores: a pre-queue of
// 100,000 entries (BENCH_DRAW_ENTRIES) closed, ordered by HMAC and numbered, timed from
// the claim to the published draw, while a poller asks for the line's counters and one
// entry's place throughout (the draw must not stall polls). Then the published draw is
// written to a file and checked by the verifier. Uses DATABASE_URL's server (or the
// embedded one) and the Redis at REDIS_URL through the Upstash REST server.
import { writeFile } from "node:fs/promises";
import type { QueueStore } from "../../lib/queue/queue-store";
import os from "node:os";
import { startUpstashRestServer } from "../upstash-rest-server";
import { openBench } from "./bench-setup";
import { randomSecret } from "./fixtures";

const ENTRIES = Number(process.env.BENCH_DRAW_ENTRIES ?? 100_000);
const ENTER_CONCURRENCY = 64;

const bench = await openBench();
// The domain code below runs in this process, on the bench database.
Object.assign(process.env, { DATABASE_URL: bench.databaseUrl, ...bench.secrets });
const { db } = await import("../../lib/db");
const { drawIfDue, getPublishedDraw } = await import("../../lib/queue/draw");
const { drawOrder, newEntryId, newSeed } = await import("../../lib/queue/draw-order");
const { PostgresQueueStore } = await import("../../lib/queue/postgres-queue-store");
const { RedisQueueStore } = await import("../../lib/queue/redis-queue-store");
const { createRedisClient } = await import("../../lib/redis");
const { pool } = await import("../../lib/db");
const { verifyDraw } = await import("../../lib/queue/verify-draw");
const { createFixtureConcert } = await import("../db/fixture-concert");

const token = randomSecret();
const upstash = await startUpstashRestServer({ redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", token });

async function createUsers(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 10_000) {
    const rows = await db.user.createManyAndReturn({
      data: Array.from({ length: Math.min(10_000, count - start) }, (_, i) => ({ email: `draw-${start + i}-${process.pid}-${Date.now()}@example.test`, name: "Draw", passwordHash: "none" })),
      select: { id: true },
    });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function measure(name: string, store: QueueStore, users: string[]) {
  const salesOpenAt = new Date(Date.now() + 3_600_000);
  const concert = await createFixtureConcert(db, {
    title: `Draw bench (${name})`,
    artist: "Load",
    venue: "Loopback Arena",
    description: "Created by npm run bench:draw.",
    preQueueOpensAt: new Date(Date.now() - 60_000),
    salesOpenAt,
    queueActiveLimit: 1_000,
    queueAdmitPerTick: 500,
  });
  const settings = { activeLimit: 1_000, admitPerTick: 500, activeTtlSeconds: 600, abandonAfterSeconds: null };

  const enterStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: ENTER_CONCURRENCY }, async () => {
      for (let i = next++; i < users.length; i = next++) await store.enter(concert.id, users[i]!, settings, new Date(), newEntryId());
    }),
  );
  const enterSeconds = (performance.now() - enterStarted) / 1000;

  // A poller beside the draw: the counters every waiting page reads, and one entry's place.
  let drawing = true;
  const pollMs: number[] = [];
  const poller = (async () => {
    while (drawing) {
      const started = performance.now();
      await store.counters(concert.id);
      await store.poll(concert.id, users[0]!, 0, new Date());
      pollMs.push(performance.now() - started);
    }
  })();
  const clock = { now: () => new Date(salesOpenAt.getTime() + 1_000) };
  const outcome = await drawIfDue(concert.id, { store, clock });
  drawing = false;
  await poller;
  if (!outcome || outcome.entries !== users.length) throw new Error(`${name}: the draw placed ${outcome?.entries ?? 0} of ${users.length} entries`);

  const published = await getPublishedDraw(concert.id);
  const file = `/tmp/stagepass-draw-${name}.json`;
  await writeFile(file, JSON.stringify(published));
  const verifyStarted = performance.now();
  const verification = verifyDraw(published);
  const verifyMs = performance.now() - verifyStarted;
  if (!verification.ok) throw new Error(`${name}: the published draw does not verify`);
  // Spot-check that the store numbered entries as the published draw says.
  const sample = await pool().query<{ entry_id: string; number: number }>(
    "SELECT entry_id, number FROM queue_entries WHERE concert_id = $1 AND entry_id IS NOT NULL ORDER BY random() LIMIT 20",
    [concert.id],
  );
  if (name === "postgres" && sample.rows.some((r) => verification.numbers.get(r.entry_id) !== r.number)) throw new Error("store numbers differ from the draw");

  pollMs.sort((a, b) => a - b);
  return { name, enterSeconds, drawMs: outcome.ms, stages: outcome.stagesMs, verifyMs, polls: pollMs.length, pollP50: percentile(pollMs, 0.5), pollP99: percentile(pollMs, 0.99), pollMax: pollMs.at(-1) ?? 0, file };
}

try {
  // The ordering alone, in memory: the O(n log n) part of the draw.
  const ids = Array.from({ length: ENTRIES }, () => newEntryId());
  const orderStarted = performance.now();
  drawOrder(newSeed(), ids);
  const orderMs = performance.now() - orderStarted;

  const rows = [];
  const stores: [string, () => QueueStore][] = [
    ["postgres", () => new PostgresQueueStore(pool())],
    ["redis", () => new RedisQueueStore(createRedisClient(upstash.url, token), db)],
  ];
  for (const [name, make] of stores) rows.push(await measure(name, make(), await createUsers(ENTRIES)));

  console.log(`\nOn-sale draw benchmark · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? "unknown CPU"} · ${ENTRIES.toLocaleString("en")} pre-queue entries`);
  console.log(`ordering alone (HMAC-SHA256 per entry, then sort, in memory): ${Math.round(orderMs)} ms`);
  console.log("store     | fill (entries/s) | draw: claim → published (close + order + number + publish) | verify | polls during draw: n, p50, p99, max");
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(9)} | ${Math.round(ENTRIES / r.enterSeconds).toLocaleString("en").padStart(16)} | ${`${r.drawMs} ms (${r.stages.close} + ${r.stages.order} + ${r.stages.place} + ${r.stages.publish})`.padStart(58)} | ${`${Math.round(r.verifyMs)} ms`.padStart(6)} | ${r.polls}, ${r.pollP50.toFixed(1)} ms, ${r.pollP99.toFixed(1)} ms, ${r.pollMax.toFixed(1)} ms`,
    );
  }
  console.log(`published draws: ${rows.map((r) => r.file).join(", ")} (check one with npm run draw:verify -- <file>)`);
} finally {
  await upstash.close();
  const { closeDb } = await import("../../lib/db");
  await closeDb();
  await bench.close();
}
