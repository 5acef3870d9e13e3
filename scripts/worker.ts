// npm run worker — the long-lived webhook worker: wakes when events are numbered (LISTEN),
// when a test message or redelivery is queued, and every second for retries falling due;
// numbers events itself too, so it needs no web instance beside it. Any number may run
// (claims are SKIP LOCKED); without one, the cron tick sends webhooks. Needs DATABASE_URL.
import { closeDb } from "../lib/db";
import { env } from "../lib/env";
import { sequenceEvents } from "../lib/events/sequencer";
import { EVENTS_CHANNEL, postgresWakeUps } from "../lib/events/wake-ups";
import { runWebhookPass } from "../lib/webhooks/deliveries";
import { WEBHOOKS_CHANNEL } from "../lib/webhooks/wake-up";

const IDLE_MS = 1_000;
const PASS_MS = 30_000;

let stopping = false;
// A notification during a round is kept for the next one, which then starts at once.
let woken = false;
let wake: () => void = () => {
  woken = true;
};

function log(level: "info" | "warn", message: string, extra: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ level, job: "webhook-worker", message, ...extra }));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    wake();
  });
}

// Without the LISTEN connection (it is opened again when it drops) the idle timer keeps things moving.
const wakeUps = postgresWakeUps(env().DATABASE_URL, [EVENTS_CHANNEL, WEBHOOKS_CHANNEL]);
wakeUps.start(() => wake());
log("info", "started");
while (!stopping) {
  woken = false;
  try {
    await sequenceEvents();
    const pass = await runWebhookPass({ maxMs: PASS_MS });
    if (pass.attempted) log("info", "pass", { ...pass });
  } catch (error) {
    log("warn", (error as Error).message);
  }
  if (woken) continue;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, IDLE_MS);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  wake = () => {
    woken = true;
  };
}
wakeUps.stop();
await closeDb();
log("info", "stopped");
