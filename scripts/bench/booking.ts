// npm run bench:booking — dates, seat maps and contended holds against the production build,
// beside the trivial route of the same server, and a check that no seat was ever held twice.
// Needs `npm run build` first; uses DATABASE_URL's server or the embedded one.
import os from "node:os";
import { startAppServer } from "./app-server";
import { clientFor, CONCURRENCY, DURATION_MS, measureTrivialRoute, openBench } from "./bench-setup";
import { createBenchConcert, createBenchDate } from "./fixtures";
import { combine, printResults, runLoad, type LoadResult } from "./load";
import { createActiveShoppers } from "./shoppers";

const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 300);
const CONTENDED_SEATS = 20;
const ROUNDS = 5;
// As many buyers at once as connections in the comparison this figure is read against.
const HOLD_CONCURRENCY = 10;
// One very large date: what a stadium's map costs per read, and how big it is.
const LARGE_SEATS = Number(process.env.BENCH_LARGE_SEATS ?? 50_000);

const { db, pool, databaseUrl, secrets, close } = await openBench();
const app = await startAppServer(3201, { databaseUrl, secrets });
const client = clientFor(app);

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
  const club = await createBenchDate(db, concert.id, 50);
  const contended = await createBenchDate(db, concert.id, CONTENDED_SEATS);
  const seatIds = contended.seatIds;
  const shoppers = await createActiveShoppers({ db, pool }, concert.id, SHOPPERS, secrets);
  const clubMap = await timed((i) => client.send({ path: `/api/v1/schedules/${club.id}/seats`, headers: shoppers[i % shoppers.length]!.headers }));

  const large = await createBenchDate(db, concert.id, LARGE_SEATS);
  const largeMapBytes = Buffer.byteLength((await client.send({ path: `/api/v1/schedules/${large.id}/seats`, headers: shoppers[0]!.headers })).body);
  const largeRefreshBytes = Buffer.byteLength((await client.send({ path: `/api/v1/schedules/${large.id}/seats/status`, headers: shoppers[0]!.headers })).body);
  const largeMap = await runLoad({
    meters: app.meters,
    concurrency: 8,
    durationMs: DURATION_MS / 2,
    send: (i) => client.send({ path: `/api/v1/schedules/${large.id}/seats`, headers: shoppers[i % shoppers.length]!.headers }),
  });
  const largeRefresh = await timed((i) => client.send({ path: `/api/v1/schedules/${large.id}/seats/status`, headers: shoppers[i % shoppers.length]!.headers }));

  const holdRounds: LoadResult[] = [];
  let doubleHeld = 0;
  // Round 0 warms the path up and is not counted; every round is a whole scramble from the start.
  for (let round = 0; round <= ROUNDS; round++) {
    const result = await runLoad({
      meters: app.meters,
      concurrency: HOLD_CONCURRENCY,
      total: shoppers.length,
      warmup: 0,
      send: (i) => {
        const first = seatIds[Math.floor(Math.random() * seatIds.length)]!;
        const second = seatIds[Math.floor(Math.random() * seatIds.length)]!;
        const wanted = Math.random() < 0.5 || first === second ? [first] : [first, second];
        return client.send({ method: "POST", path: "/api/v1/holds", headers: shoppers[i]!.headers, json: { scheduleId: contended.id, seatIds: wanted } });
      },
    });
    if (round > 0) holdRounds.push(result);
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
      { label: `seat map, ${LARGE_SEATS.toLocaleString("en")} seats (8 connections)`, result: largeMap },
      { label: `status refresh, ${LARGE_SEATS.toLocaleString("en")} seats`, result: largeRefresh },
      { label: `contended holds, ${SHOPPERS} shoppers × ${CONTENDED_SEATS} seats × ${ROUNDS}`, result: combine(holdRounds) },
    ],
  );
  console.log(`\n${LARGE_SEATS.toLocaleString("en")}-seat date: map ${(largeMapBytes / 1e6).toFixed(2)} MB, status refresh ${(largeRefreshBytes / 1e3).toFixed(1)} kB (uncompressed)`);
  console.log(`seats held twice (or a seat not pointing at its live hold), over ${ROUNDS} rounds: ${doubleHeld}`);
  if (doubleHeld !== 0) process.exitCode = 1;
} finally {
  await client.close();
  await app.stop();
  await close();
}
