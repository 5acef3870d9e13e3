// npm run bench:payments — charges/s and payments/s against the production build beside the
// trivial route of the same server, then 500 simulated fans going queue → hold → pay
// on one date, with money conservation and double-sale checks. Needs `npm run build`.
import { randomUUID } from "node:crypto";
import os from "node:os";
import { startAppServer } from "./app-server";
import { clientFor, CONCURRENCY, DURATION_MS, measureTrivialRoute, openBench } from "./bench-setup";
import { createBenchConcert, createSessionUsers } from "./fixtures";
import { printResults, runLoad, type Sent } from "./load";
import { createActiveShoppers } from "./shoppers";

const PAYERS = Number(process.env.BENCH_PAYERS ?? 1000);
const FANS = Number(process.env.BENCH_FANS ?? 500);

const { db, pool, databaseUrl, secrets, close } = await openBench();
const app = await startAppServer(3202, { databaseUrl, secrets });
const client = clientFor(app);
const post = (path: string, headers: Record<string, string>, json: unknown) => client.send({ method: "POST", path, headers, json });
const get = (path: string, headers: Record<string, string>) => client.send({ path, headers });
const parsed = <T>(sent: Sent) => JSON.parse(sent.body) as T;

async function moneyTotals() {
  const [row] = await db.$queryRaw<{ balances: bigint; payments: bigint; charges: bigint }[]>`
    SELECT (SELECT COALESCE(sum(balance), 0) FROM wallets) AS balances,
           (SELECT COALESCE(sum(amount), 0) FROM payments) AS payments,
           (SELECT COALESCE(sum(amount), 0) FROM ledger_entries WHERE kind = 'CHARGE') AS charges`;
  return { balances: Number(row!.balances), payments: Number(row!.payments), charges: Number(row!.charges) };
}

try {
  const trivial = await measureTrivialRoute(app, client);

  // Charges: many wallets, a fresh Idempotency-Key each.
  const chargers = await createSessionUsers(db, CONCURRENCY * 4, secrets.AUTH_SECRET);
  const charges = await runLoad({
    meters: app.meters,
    concurrency: CONCURRENCY,
    durationMs: DURATION_MS,
    send: (i) => post("/api/v1/wallet/charges", { cookie: chargers[i % chargers.length]!.cookie, "idempotency-key": randomUUID() }, { amount: 1_000 }),
  });

  // Payments: every payer holds one seat of the arena and can afford it.
  const arena = await db.schedule.findFirstOrThrow({ where: { concert: { slug: "stadium-of-stars" } }, select: { id: true, concertId: true, seats: { select: { id: true }, take: PAYERS } } });
  const payers = await createActiveShoppers({ db, pool }, arena.concertId, PAYERS, secrets);
  const holdIds = await Promise.all(
    payers.map(async (payer, i) => {
      await post("/api/v1/wallet/charges", { cookie: payer.headers.cookie, "idempotency-key": randomUUID() }, { amount: 300_000 });
      const response = await post("/api/v1/holds", payer.headers, { scheduleId: arena.id, seatIds: [arena.seats[i]!.id] });
      return parsed<{ id: string }>(response).id;
    }),
  );
  const payments = await runLoad({
    meters: app.meters,
    concurrency: CONCURRENCY,
    total: payers.length,
    send: (i) => post("/api/v1/payments", { ...payers[i]!.headers, "idempotency-key": randomUUID() }, { holdId: holdIds[i] }),
  });

  // 500 fans through the whole flow on one date, through a real line (100 shopping at once).
  const before = await moneyTotals();
  const concert = await createBenchConcert(db, { activeLimit: 100, admitPerTick: 50 });
  const date = await db.schedule.create({
    data: {
      concertId: concert.id,
      startsAt: new Date(Date.now() + 30 * 86_400_000),
      salesOpenAt: new Date(Date.now() - 86_400_000),
      seats: {
        create: Array.from({ length: 400 }, (_, i) => ({ section: i < 200 ? "Floor" : "Balcony", row: String.fromCharCode(65 + Math.floor((i % 200) / 20)), number: (i % 20) + 1, tier: i < 200 ? "VIP" : "S", price: i < 200 ? 150_000 : 90_000 })),
      },
    },
    select: { id: true },
  });
  const fans = await createSessionUsers(db, FANS, secrets.AUTH_SECRET);
  const statuses: Record<number, number> = {};
  const count = (r: Sent) => ((statuses[r.status] = (statuses[r.status] ?? 0) + 1), r);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const journeyStarted = performance.now();
  const outcomes = await Promise.all(
    fans.map(async (fan) => {
      const cookie = { cookie: fan.cookie };
      count(await post("/api/v1/wallet/charges", { ...cookie, "idempotency-key": randomUUID() }, { amount: 400_000 }));
      let view = parsed<{ token: string; status: string; pollAfterMs: number }>(count(await post(`/api/v1/concerts/${concert.id}/queue`, cookie, {})));
      const headers = { ...cookie, "x-queue-token": view.token };
      while (view.status === "WAITING") {
        await sleep(view.pollAfterMs);
        const polled = count(await get("/api/v1/queue/status", headers));
        if (polled.status !== 200) return `status ${polled.status} ${parsed<{ code?: string }>(polled).code}`;
        view = { ...view, ...parsed<object>(polled) };
      }
      if (view.status !== "ACTIVE") return `left the line ${view.status}`;
      for (let attempt = 0; attempt < 5; attempt++) {
        const map = parsed<{ seats: { id: string; status: string }[] }>(count(await get(`/api/v1/schedules/${date.id}/seats`, headers)));
        const free = map.seats.filter((s) => s.status === "AVAILABLE");
        if (free.length === 0) break;
        const wanted = [...new Set([free[Math.floor(Math.random() * free.length)]!.id, free[Math.floor(Math.random() * free.length)]!.id])];
        const hold = count(await post("/api/v1/holds", headers, { scheduleId: date.id, seatIds: wanted }));
        if (hold.status !== 201) continue;
        const { id } = parsed<{ id: string }>(hold);
        const paid = count(await post("/api/v1/payments", { ...headers, "idempotency-key": randomUUID() }, { holdId: id }));
        return paid.status === 201 ? "paid" : "failed";
      }
      count(await client.send({ method: "DELETE", path: "/api/v1/queue", headers }));
      return "no seat";
    }),
  );
  const journeySeconds = (performance.now() - journeyStarted) / 1000;
  const after = await moneyTotals();
  const [sales] = await db.$queryRaw<{ sold: number; double_sold: number; sold_without_ticket: number }[]>`
    SELECT (SELECT count(*)::int FROM seats WHERE schedule_id = ${date.id}::uuid AND status = 'SOLD') AS sold,
           (SELECT count(*)::int FROM (SELECT seat_id FROM reservations WHERE schedule_id = ${date.id}::uuid GROUP BY seat_id HAVING count(*) > 1) d) AS double_sold,
           (SELECT count(*)::int FROM seats s WHERE s.schedule_id = ${date.id}::uuid AND s.status = 'SOLD'
              AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.seat_id = s.id)) AS sold_without_ticket`;
  const tally = outcomes.reduce<Record<string, number>>((t, o) => ((t[o] = (t[o] ?? 0) + 1), t), {});
  const conserved = after.balances + after.payments - after.charges === before.balances + before.payments - before.charges && after.balances + after.payments === after.charges;

  printResults(
    `Payments benchmark · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? "unknown CPU"} · load generator on the same machine · ` +
      `concurrency ${CONCURRENCY} · ${DURATION_MS / 1000} s timed runs`,
    [
      { label: "trivial route (floor)", result: trivial },
      { label: "wallet charge (POST /wallet/charges)", result: charges },
      { label: `payment (POST /payments, ${PAYERS} holds)`, result: payments },
    ],
  );
  console.log(`\n${FANS} fans, queue → hold → pay on one 400-seat date (100 shopping at once): ${journeySeconds.toFixed(1)} s`);
  console.log(`  outcomes ${JSON.stringify(tally)} · seats sold ${sales!.sold} · double sales ${sales!.double_sold} · sold seats without a ticket ${sales!.sold_without_ticket}`);
  console.log(`  responses ${JSON.stringify(statuses)} · 5xx ${Object.entries(statuses).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0)}`);
  console.log(`  money: balances ${after.balances} + payments ${after.payments} = charges ${after.charges} → ${conserved ? "conserved" : "NOT CONSERVED"}`);
  // Nobody paid, or anybody was refused as a stranger: the run measured a broken setup.
  const broken = !tally.paid || statuses[401];
  if (broken || !conserved || sales!.double_sold || sales!.sold_without_ticket || Object.keys(statuses).some((s) => Number(s) >= 500)) process.exitCode = 1;
} finally {
  await client.close();
  await app.stop();
  await close();
}
