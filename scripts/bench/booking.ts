// npm run bench:booking — dates, seat maps and contended holds against the production build,
// beside the trivial route of the same server, and a check that no seat was ever held twice.
// Needs `npm run build` first; uses DATABASE_URL's server or the embedded one.
import os from "node:os";
import type { Db } from "../../lib/db";
import { startAppServer } from "./app-server";
import { clientFor, CONCURRENCY, DURATION_MS, measureTrivialRoute, openBench } from "./bench-setup";
import { createBenchConcert } from "./fixtures";
import { combine, printResults, runLoad, type LoadResult } from "./load";
import { createActiveShoppers } from "./shoppers";

const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 300);
const CONTENDED_SEATS = 20;
const ROUNDS = 5;
// As many buyers at once as connections in the comparison this figure is read against.
const HOLD_CONCURRENCY = 10;

const { db, pool, databaseUrl, secrets, close } = await openBench();
const app = await startAppServer(3201, { databaseUrl, secrets });
const client = clientFor(app);

/** A date on sale for the concert, with `seats` seats of one section. */
async function createDate(db: Db, concertId: string, seats: number) {
  return db.schedule.create({
    data: {
      concertId,
      startsAt: new Date(Date.now() + 30 * 86_400_000),
      salesOpenAt: new Date(Date.now() - 86_400_000),
      seats: { create: Array.from({ length: seats }, (_, i) => ({ section: "Floor", row: String.fromCharCode(65 + Math.floor(i / 25)), number: (i % 25) + 1, tier: "VIP", price: 150_000 })) },
    },
    select: { id: true, seats: { select: { id: true } } },
  });
}

try {
  const trivial = await measureTrivialRoute(app, client);
  const timed = (send: (i: number) => Promise<{ status: number; body: string }>) =>
    runLoad({ meters: app.meters, concurrency: CONCURRENCY, durationMs: DURATION_MS, send });

  // The 2,080-seat arena, read by shoppers of its line.
  const arena = await db.schedule.findFirstOrThrow({ where: { concert: { slug: "stadium-of-stars" } }, select: { id: true, concertId: true } });
  const readers = await createActiveShoppers({ db, pool }, arena.concertId, CONCURRENCY, secrets);
  const reader = (i: number) => readers[i % readers.length]!.headers;
  const dates = await timed((i) => client.send({ path: `/api/v1/concerts/${arena.concertId}/schedules`, headers: reader(i) }));
  const arenaMap = await timed((i) => client.send({ path: `/api/v1/schedules/${arena.id}/seats`, headers: reader(i) }));
  const arenaRefresh = await timed((i) => client.send({ path: `/api/v1/schedules/${arena.id}/seats/status`, headers: reader(i) }));

  // Many shoppers, few seats: each round everyone grabs one or two random seats at once.
  const concert = await createBenchConcert(db, { activeLimit: SHOPPERS + 10, admitPerTick: SHOPPERS + 10 });
  const club = await createDate(db, concert.id, 50);
  const contended = await createDate(db, concert.id, CONTENDED_SEATS);
  const seatIds = contended.seats.map((s) => s.id);
  const shoppers = await createActiveShoppers({ db, pool }, concert.id, SHOPPERS, secrets);
  const clubMap = await timed((i) => client.send({ path: `/api/v1/schedules/${club.id}/seats`, headers: shoppers[i % shoppers.length]!.headers }));

  const holdRounds: LoadResult[] = [];
  let doubleHeld = 0;
  for (let round = 0; round < ROUNDS; round++) {
    holdRounds.push(
      await runLoad({
        meters: app.meters,
        concurrency: HOLD_CONCURRENCY,
        total: shoppers.length,
        send: (i) => {
          const first = seatIds[Math.floor(Math.random() * seatIds.length)]!;
          const second = seatIds[Math.floor(Math.random() * seatIds.length)]!;
          const wanted = Math.random() < 0.5 || first === second ? [first] : [first, second];
          return client.send({ method: "POST", path: "/api/v1/holds", headers: shoppers[i]!.headers, json: { scheduleId: contended.id, seatIds: wanted } });
        },
      }),
    );
    const [check] = await db.$queryRaw<{ double_held: number; mismatched: number }[]>`
      SELECT (SELECT count(*)::int FROM (
                SELECT hs.seat_id FROM hold_seats hs JOIN holds h ON h.id = hs.hold_id
                 WHERE h.schedule_id = ${contended.id}::uuid AND h.status = 'ACTIVE' GROUP BY hs.seat_id HAVING count(*) > 1) d) AS double_held,
             (SELECT count(*)::int FROM seats s JOIN hold_seats hs ON hs.seat_id = s.id JOIN holds h ON h.id = hs.hold_id
               WHERE s.schedule_id = ${contended.id}::uuid AND h.status = 'ACTIVE' AND s.hold_id IS DISTINCT FROM h.id) AS mismatched`;
    doubleHeld += check!.double_held + check!.mismatched;
    // Release everything for the next round.
    await db.$executeRaw`UPDATE holds SET status = 'RELEASED', closed_at = now() WHERE schedule_id = ${contended.id}::uuid AND status = 'ACTIVE'`;
    await db.$executeRaw`UPDATE seats SET hold_id = NULL, hold_expires_at = NULL WHERE schedule_id = ${contended.id}::uuid`;
  }

  printResults(
    `Booking benchmark · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? "unknown CPU"} · load generator on the same machine · ` +
      `concurrency ${CONCURRENCY} (holds ${HOLD_CONCURRENCY}) · ${DURATION_MS / 1000} s timed runs`,
    [
      { label: "trivial route (floor)", result: trivial },
      { label: "bookable dates (GET …/schedules)", result: dates },
      { label: "seat map, 50 seats (GET …/seats)", result: clubMap },
      { label: "seat map, 2,080 seats (GET …/seats)", result: arenaMap },
      { label: "status refresh, 2,080 seats (GET …/seats/status)", result: arenaRefresh },
      { label: `contended holds, ${SHOPPERS} shoppers × ${CONTENDED_SEATS} seats × ${ROUNDS}`, result: combine(holdRounds) },
    ],
  );
  console.log(`\nseats held twice (or a seat not pointing at its live hold), over ${ROUNDS} rounds: ${doubleHeld}`);
  if (doubleHeld !== 0) process.exitCode = 1;
} finally {
  await client.close();
  await app.stop();
  await close();
}
