// npm run bench:events — live updates and webhooks against the production build:
// 1. server-sent events: BENCH_STREAMS seat streams held open on one instance (memory per
//    connection from the server's RSS), then holds made one by one and the time from each
//    hold's request (and from its answer, after commit) to its seat.held at every stream;
// 2. webhooks: deliveries queued while no worker runs, then `npm run worker` sending them to
//    a local receiver (throughput), then top-ups at a steady pace with the worker running
//    (latency from each top-up's answer to its delivery). Needs `npm run build`.
import { spawn } from "node:child_process";
import http from "node:http";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import { ServerEventParser } from "../../lib/client/server-events";
import { startReceiver } from "../../tests/webhook-receiver";
import { startAppServer } from "./app-server";
import { clientFor, openBench } from "./bench-setup";
import { createBenchConcert, createBenchDate, createSessionUsers } from "./fixtures";
import { createActiveShoppers } from "./shoppers";

const STREAMS = Number(process.env.BENCH_STREAMS ?? 2_000);
const STREAMS_PER_ACCOUNT = 5;
const HOLDS = Number(process.env.BENCH_HOLDS ?? 100);
const WEBHOOK_ACCOUNTS = 50;
const BACKLOG = Number(process.env.BENCH_WEBHOOKS ?? 2_000);
const PACED = 200;

const { db, pool, databaseUrl, secrets, close } = await openBench();
const app = await startAppServer(3203, { databaseUrl, secrets });
const client = clientFor(app);
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, "utf8"))![1]) / 1024;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5).toFixed(1)} ms · p99 ${percentile(sorted, 0.99).toFixed(1)} ms · max ${sorted.at(-1)!.toFixed(1)} ms (${sorted.length} deliveries)`;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

try {
  console.log(`Events benchmark · ${os.cpus().length} cores · ${os.cpus()[0]?.model} · load generator on the same machine`);

  // 1. Seat streams.
  const concert = await createBenchConcert(db, { activeLimit: 100_000, admitPerTick: 100_000 });
  const date = await createBenchDate(db, concert.id, 2_000);
  const accounts = Math.ceil(STREAMS / STREAMS_PER_ACCOUNT);
  const [writer, ...watchers] = await createActiveShoppers({ db, pool }, concert.id, accounts + 1, secrets);
  await sleep(2_000);
  const rssBefore = rssMb();
  const arrivals = new Map<string, number[]>(); // seat id → when each stream saw it held
  const sockets: http.ClientRequest[] = [];
  let open = 0;
  await Promise.all(
    Array.from({ length: STREAMS }, (_, i) => {
      const watcher = watchers[Math.floor(i / STREAMS_PER_ACCOUNT)]!;
      return new Promise<void>((resolve, reject) => {
        const request = http.get(`${app.url}/api/v1/schedules/${date.id}/seats/events`, { headers: { ...watcher.headers, accept: "text/event-stream" }, agent: false }, (response) => {
          if (response.statusCode !== 200) return reject(new Error(`stream ${i} answered ${response.statusCode}`));
          const parser = new ServerEventParser();
          response.on("data", (chunk: Buffer) => {
            const now = performance.now();
            for (const event of parser.push(chunk)) {
              if (event.event === "snapshot") {
                open++;
                resolve();
              } else if (event.event === "seat.held") {
                for (const seat of (JSON.parse(event.data) as { seatIds: string[] }).seatIds) arrivals.set(seat, [...(arrivals.get(seat) ?? []), now]);
              }
            }
          });
        });
        request.on("error", reject);
        sockets.push(request);
      });
    }),
  );
  await sleep(3_000);
  const rssAfter = rssMb();
  console.log(`\nSeat streams: ${open} open on one instance (${accounts} accounts × ${STREAMS_PER_ACCOUNT})`);
  console.log(`  server RSS ${rssBefore.toFixed(0)} MB → ${rssAfter.toFixed(0)} MB: ${(((rssAfter - rssBefore) * 1024) / open).toFixed(1)} kB per connection`);

  const fromRequest: number[] = [];
  const fromAnswer: number[] = [];
  const cpuBefore = app.meters.read();
  for (let i = 0; i < HOLDS; i++) {
    const seat = date.seatIds[i]!;
    const sent = performance.now();
    const held = await client.send({ method: "POST", path: "/api/v1/holds", headers: writer!.headers, json: { scheduleId: date.id, seatIds: [seat] } });
    const answered = performance.now();
    if (held.status !== 201) throw new Error(`hold answered ${held.status}: ${held.body}`);
    const deadline = Date.now() + 5_000;
    while ((arrivals.get(seat)?.length ?? 0) < open && Date.now() < deadline) await sleep(5);
    for (const at of arrivals.get(seat) ?? []) {
      fromRequest.push(at - sent);
      fromAnswer.push(at - answered);
    }
    const missing = open - (arrivals.get(seat)?.length ?? 0);
    if (missing) throw new Error(`${missing} streams never saw seat ${seat} held`);
    await client.send({ method: "DELETE", path: `/api/v1/holds/${(JSON.parse(held.body) as { id: string }).id}`, headers: writer!.headers });
  }
  const cpuAfter = app.meters.read();
  console.log(`  ${HOLDS} holds, each seen by all ${open} streams:`);
  console.log(`    from the hold's request: ${summary(fromRequest)}`);
  console.log(`    from its answer (after commit): ${summary(fromAnswer)}`);
  console.log(`    server CPU per hold and its release, with the fan-out to ${open} streams: ${((cpuAfter.cpuMs - cpuBefore.cpuMs) / HOLDS).toFixed(1)} ms`);
  for (const socket of sockets) socket.destroy();

  // 2. Webhooks.
  const receiver = await startReceiver([204]);
  const delivered = new Map<string, number>(); // transaction id → when it arrived
  const record = () => {
    for (const message of receiver.received.splice(0)) delivered.set((JSON.parse(message.body) as { data: { transactionId: string } }).data.transactionId, message.at);
  };
  const hooked = await createSessionUsers(db, WEBHOOK_ACCOUNTS, secrets.AUTH_SECRET);
  for (const account of hooked) {
    await db.webhookEndpoint.create({ data: { userId: account.id, url: receiver.url, eventTypes: ["wallet.charged"], secret: `whsec_${Buffer.from(randomUUID()).toString("base64")}` } });
  }
  const charge = async (i: number) => {
    const account = hooked[i % hooked.length]!;
    const sent = await client.send({ method: "POST", path: "/api/v1/wallet/charges", headers: { cookie: account.cookie, "idempotency-key": randomUUID() }, json: { amount: 1_000 } });
    if (sent.status !== 201) throw new Error(`charge answered ${sent.status}: ${sent.body}`);
    return { id: (JSON.parse(sent.body) as { transaction: { id: string } }).transaction.id, at: performance.now() };
  };
  for (let i = 0; i < BACKLOG; i += 50) await Promise.all(Array.from({ length: Math.min(50, BACKLOG - i) }, (_, j) => charge(i + j)));

  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, ...secrets, DATABASE_URL: databaseUrl, WEBHOOK_ALLOWED_PRIVATE_HOSTS: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const started = performance.now();
  while (delivered.size < BACKLOG && performance.now() - started < 120_000) {
    record();
    await sleep(20);
  }
  const seconds = (Math.max(...delivered.values()) - started) / 1000;
  console.log(`\nWebhooks: ${delivered.size} queued deliveries sent by one worker in ${seconds.toFixed(1)} s (start-up included): ${(delivered.size / seconds).toFixed(0)} deliveries/s`);

  const latencies: number[] = [];
  const made: { id: string; at: number }[] = [];
  for (let i = 0; i < PACED; i++) {
    made.push(await charge(i));
    await sleep(20);
  }
  const deadline = performance.now() + 10_000;
  while (made.some((m) => !delivered.has(m.id)) && performance.now() < deadline) {
    record();
    await sleep(5);
  }
  for (const m of made) if (delivered.has(m.id)) latencies.push(delivered.get(m.id)! - m.at);
  console.log(`  ${PACED} top-ups, one every ~20 ms, worker running: from the top-up's answer to delivery ${summary(latencies)}`);
  worker.kill("SIGTERM");
  await receiver.close();
} finally {
  await client.close();
  await app.stop();
  await close();
}
