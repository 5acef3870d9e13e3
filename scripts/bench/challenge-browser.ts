// npm run bench:challenge — the entry challenge as fans meet it: Chromium opens the waiting
// room of a concert asking for a proof of work (BENCH_CHALLENGE_DIFFICULTY, by default the
// console's suggestion), and the time from the challenge arriving to the entry being sent
// (the page's Web Worker solving it) is taken over BENCH_CHALLENGE_RUNS fresh fans. Beside
// it: what the same work costs a script using native SHA-256 on one core here, and what
// checking a solution costs the server. Needs `npm run build` first.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import { chromium } from "@playwright/test";
import { createChallenge, solveChallenge, verifySolution } from "altcha-lib/v1";
import { SUGGESTED_CHALLENGE_DIFFICULTY } from "../../lib/queue/on-sale";
import { createFixtureConcert } from "../db/fixture-concert";
import { startAppServer } from "./app-server";
import { openBench } from "./bench-setup";
import { createSessionUsers } from "./fixtures";

const DIFFICULTY = Number(process.env.BENCH_CHALLENGE_DIFFICULTY ?? SUGGESTED_CHALLENGE_DIFFICULTY);
const RUNS = Number(process.env.BENCH_CHALLENGE_RUNS ?? 15);
const CHROMIUM = "/usr/bin/chromium";

const { db, databaseUrl, secrets, close } = await openBench();
const app = await startAppServer(3203, { databaseUrl, secrets });
const browser = await chromium.launch({
  ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** One fresh fan through the challenge: ms from the challenge's answer to the entry's request. */
async function solveInBrowser(concertId: string): Promise<number> {
  const [user] = await createSessionUsers(db, 1, secrets.AUTH_SECRET);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: app.url });
  const [name, value] = user!.cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: app.url }]);
  const page = await context.newPage();
  let challengeAt = 0;
  let enteredAt = 0;
  page.on("requestfinished", (request) => {
    if (request.url().endsWith("/queue/challenge")) challengeAt = performance.now();
  });
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith(`/concerts/${concertId}/queue`)) enteredAt = performance.now();
  });
  await page.goto(`/concerts/${concertId}/queue`);
  await page.waitForURL(`**/concerts/${concertId}`, { timeout: 120_000 });
  await context.close();
  if (!challengeAt || !enteredAt) throw new Error("the page did not go through the challenge");
  return enteredAt - challengeAt;
}

try {
  const concert = await createFixtureConcert(db, {
    title: "Challenge bench",
    artist: "Load",
    venue: "Loopback Arena",
    description: "Created by npm run bench:challenge.",
    challengeDifficulty: DIFFICULTY,
    queueActiveLimit: 10_000,
    queueAdmitPerTick: 1_000,
  });
  await solveInBrowser(concert.id); // warms up the server's routes and the browser
  const browserMs: number[] = [];
  for (let i = 0; i < RUNS; i++) browserMs.push(await solveInBrowser(concert.id));

  // A script's side: native SHA-256 on one core, and altcha-lib's own solver.
  const hashes = 1_000_000;
  let started = performance.now();
  for (let n = 0; n < hashes; n++) createHash("sha256").update(`salt${n}`).digest("hex");
  const nativeHashesPerSecond = hashes / ((performance.now() - started) / 1000);
  const scriptMs: number[] = [];
  const verifyMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const challenge = await createChallenge({ hmacKey: "bench", maxNumber: DIFFICULTY });
    started = performance.now();
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    scriptMs.push(performance.now() - started);
    const payload = { ...challenge, number: solution!.number };
    started = performance.now();
    await verifySolution(payload, "bench");
    verifyMs.push(performance.now() - started);
  }

  const expectedHashes = DIFFICULTY / 2;
  console.log(`\nEntry challenge · difficulty ${DIFFICULTY.toLocaleString("en")} (about ${expectedHashes.toLocaleString("en")} SHA-256 on average) · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? "unknown CPU"}`);
  console.log(`headless Chromium, the waiting room's Web Worker, ${RUNS} fans: median ${Math.round(median(browserMs))} ms, slowest ${Math.round(Math.max(...browserMs))} ms`);
  console.log(`a Node script (altcha-lib's solver), one core: median ${Math.round(median(scriptMs))} ms`);
  console.log(`native SHA-256, one core: ${Math.round(nativeHashesPerSecond).toLocaleString("en")} hashes/s → ${((expectedHashes / nativeHashesPerSecond) * 1000).toFixed(1)} ms of one core per entry`);
  console.log(`server check of one solution: median ${median(verifyMs).toFixed(2)} ms`);
} finally {
  await browser.close();
  await app.stop();
  await close();
}
