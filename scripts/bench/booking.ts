// npm run bench:booking — seat-map reads and contended holds against the production build,
// beside the trivial-route ceiling measured in the same run, and a check that no seat was
// ever held twice. Needs `npm run build` first; uses DATABASE_URL's server or the embedded one.
import os from "node:os";
import { startAppServer } from "./app-server";
import { CONCURRENCY, DURATION_MS, measureCeiling, openBench } from "./bench-setup";
import { createBenchConcert } from "./fixtures";
import { cpuColumn, runLoad, type LoadResult } from "./load";
import { createActiveShoppers } from "./shoppers";

const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 300);
const CONTENDED_SEATS = 20;
const ROUNDS = 5;

const { db, databaseUrl, secrets, close } = await openBench();
const app = await startAppServer(3201, { DATABASE_URL: databaseUrl, NEXTAUTH_URL: "http://127.0.0.1:3201", ...secrets });

try {
  const ceiling = await measureCeiling(app);

  // Seat-map reads of the 2,080-seat arena.
  const arena = await db.schedule.findFirstOrThrow({ where: { concert: { slug: "stadium-of-stars" } }, select: { id: true, concertId: true } });
  const readers = await createActiveShoppers(db, arena.concertId, CONCURRENCY, secrets);
  const reads = await runLoad({
    serverCpuMs: app.cpuMs,
    concurrency: CONCURRENCY,
    durationMs: DURATION_MS,
    request: (i) => fetch(`${app.url}/api/v1/schedules/${arena.id}/seats`, { headers: readers[i % readers.length]!.headers }),
  });

  const refreshes = await runLoad({
    serverCpuMs: app.cpuMs,
    concurrency: CONCURRENCY,
    durationMs: DURATION_MS,
    request: (i) => fetch(`${app.url}/api/v1/schedules/${arena.id}/seats/status`, { headers: readers[i % readers.length]!.headers }),
  });

  // Many shoppers, few seats: each round everyone grabs one or two random seats at once.
  const concert = await createBenchConcert(db, { activeLimit: SHOPPERS + 10, admitPerTick: SHOPPERS + 10 });
  const schedule = await db.schedule.create({
    data: {
      concertId: concert.id,
      startsAt: new Date(Date.now() + 30 * 86_400_000),
      salesOpenAt: new Date(Date.now() - 86_400_000),
      seats: { create: Array.from({ length: CONTENDED_SEATS }, (_, i) => ({ section: "Floor", row: "A", number: i + 1, tier: "VIP", price: 150_000 })) },
    },
    select: { id: true, seats: { select: { id: true } } },
  });
  const seatIds = schedule.seats.map((s) => s.id);
  const shoppers = await createActiveShoppers(db, concert.id, SHOPPERS, secrets);
  const holdRounds: LoadResult[] = [];
  let doubleHeld = 0;
  for (let round = 0; round < ROUNDS; round++) {
    holdRounds.push(
      await runLoad({
    serverCpuMs: app.cpuMs,
        concurrency: CONCURRENCY,
        total: shoppers.length,
        request: (i) => {
          const first = seatIds[Math.floor(Math.random() * seatIds.length)]!;
          const second = seatIds[Math.floor(Math.random() * seatIds.length)]!;
          const wanted = Math.random() < 0.5 || first === second ? [first] : [first, second];
          return fetch(`${app.url}/api/v1/holds`, {
            method: "POST",
            headers: { ...shoppers[i]!.headers, "content-type": "application/json" },
            body: JSON.stringify({ scheduleId: schedule.id, seatIds: wanted }),
          });
        },
      }),
    );
    const [check] = await db.$queryRaw<{ double_held: number; mismatched: number }[]>`
      SELECT (SELECT count(*)::int FROM (
                SELECT hs.seat_id FROM hold_seats hs JOIN holds h ON h.id = hs.hold_id
                 WHERE h.schedule_id = ${schedule.id}::uuid AND h.status = 'ACTIVE' GROUP BY hs.seat_id HAVING count(*) > 1) d) AS double_held,
             (SELECT count(*)::int FROM seats s JOIN hold_seats hs ON hs.seat_id = s.id JOIN holds h ON h.id = hs.hold_id
               WHERE s.schedule_id = ${schedule.id}::uuid AND h.status = 'ACTIVE' AND s.hold_id IS DISTINCT FROM h.id) AS mismatched`;
    doubleHeld += check!.double_held + check!.mismatched;
    // Release everything for the next round.
    await db.$executeRaw`UPDATE holds SET status = 'RELEASED', closed_at = now() WHERE schedule_id = ${schedule.id}::uuid AND status = 'ACTIVE'`;
    await db.$executeRaw`UPDATE seats SET hold_id = NULL, hold_expires_at = NULL WHERE schedule_id = ${schedule.id}::uuid`;
  }
  const holds = {
    requests: holdRounds.reduce((n, r) => n + r.requests, 0),
    seconds: holdRounds.reduce((n, r) => n + r.seconds, 0),
    statuses: holdRounds.reduce<Record<number, number>>((all, r) => {
      for (const [status, n] of Object.entries(r.statuses)) all[Number(status)] = (all[Number(status)] ?? 0) + n;
      return all;
    }, {}),
    p99Ms: Math.max(...holdRounds.map((r) => r.p99Ms)),
    cpuMsPerRequest: holdRounds.reduce((ms, r) => ms + (r.cpuMsPerRequest ?? 0) * r.requests, 0) / holdRounds.reduce((n, r) => n + r.requests, 0),
  };

  console.log(`\nBooking benchmark · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? "unknown CPU"}`);
  console.log(`load generator on the same machine · concurrency ${CONCURRENCY} · ${DURATION_MS / 1000} s timed runs\n`);
  const line = (label: string, perSecond: number, p99: number, statuses: Record<number, number>, cpu: number | null) =>
    console.log(
      `${label.padEnd(48)} ${perSecond.toFixed(0).padStart(6)} req/s  ${(perSecond / ceiling.perSecond).toFixed(2).padStart(5)} × ceiling  p99 ${p99.toFixed(0).padStart(5)} ms  server CPU ${cpuColumn(cpu)} ms/req  ${JSON.stringify(statuses)}`,
    );
  line("trivial route (ceiling)", ceiling.perSecond, ceiling.p99Ms, ceiling.statuses, ceiling.cpuMsPerRequest);
  line("seat map, 2,080 seats (GET …/seats)", reads.perSecond, reads.p99Ms, reads.statuses, reads.cpuMsPerRequest);
  line("seat refresh, 2,080 seats (GET …/seats/status)", refreshes.perSecond, refreshes.p99Ms, refreshes.statuses, refreshes.cpuMsPerRequest);
  line(`contended holds, ${SHOPPERS} shoppers × ${CONTENDED_SEATS} seats × ${ROUNDS}`, holds.requests / holds.seconds, holds.p99Ms, holds.statuses, holds.cpuMsPerRequest);
  console.log(`\nseats held twice (or a seat not pointing at its live hold), over ${ROUNDS} rounds: ${doubleHeld}`);
  if (doubleHeld !== 0) process.exitCode = 1;
} finally {
  await app.stop();
  await close();
}
