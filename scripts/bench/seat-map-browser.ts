// npm run bench:browser — the seat map in a real browser (Chromium, 1280×800), at 2,080 and
// at 50,000 seats: how long the page takes to show the section plan, to open a section,
// to answer a tap on a seat (Event Timing: input delay + handlers + the next paint), and
// how much main-thread time the status refresh blocks while nobody touches anything.
// Needs `npm run build` first; uses DATABASE_URL's server or the embedded one.
import { existsSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { startAppServer } from "./app-server";
import { openBench } from "./bench-setup";
import { createBenchConcert, createBenchDate, createSessionUsers } from "./fixtures";

const LARGE_SEATS = Number(process.env.BENCH_LARGE_SEATS ?? 50_000);
const TAPS = 8;
const IDLE_MS = 10_000;
const CHROMIUM = "/usr/bin/chromium";

interface Measures {
  seats: number;
  planMs: number;
  openSectionMs: number;
  sectionSeats: number;
  tapMedianMs: number;
  tapWorstMs: number;
  idleBlockingMs: number;
}

const { db, databaseUrl, secrets, close } = await openBench();
const app = await startAppServer(3202, { databaseUrl, secrets });
const browser = await chromium.launch({
  ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

/** Lets `page` shop for `concertId`: signed in, through the waiting room, now ACTIVE. */
async function shopper(concertId: string): Promise<Page> {
  const [user] = await createSessionUsers(db, 1, secrets.AUTH_SECRET!);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: app.url });
  const [name, value] = user!.cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: app.url }]);
  const page = await context.newPage();
  await page.goto(`/concerts/${concertId}/queue`);
  await page.waitForURL(`**/concerts/${concertId}`);
  return page;
}

async function measure(page: Page, scheduleId: string, seats: number): Promise<Measures> {
  // Long tasks and event timings, from the first paint on.
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[]; taps: number[] };
    w.longTasks = [];
    w.taps = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: "longtask", buffered: true });
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => e.name === "pointerdown" || e.name === "click" ? w.taps.push(e.duration) : undefined),
    ).observe({ type: "event", durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
  await page.goto(`/schedules/${scheduleId}`);
  await page.locator("nav svg g[role=button]").first().waitFor({ timeout: 120_000 }).catch(async (e) => { await page.screenshot({ path: "/tmp/bench-fail.png" }); throw e; });
  const planMs = await page.evaluate(() => performance.now());

  // Open the first section: from the press to its seats on screen.
  const sectionSeats = await page.evaluate(async () => {
    const start = performance.now();
    (document.querySelector("nav svg g[role=button]") as SVGGElement).dispatchEvent(new MouseEvent("click", { bubbles: true }));
    // (No named functions in here: the page cannot see the helpers tsx would wrap them in.)
    while (!document.querySelector("[data-seat]")) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    (window as unknown as { opened: number }).opened = performance.now() - start;
    return document.querySelectorAll("[data-seat]").length;
  });
  const openSectionMs = await page.evaluate(() => (window as unknown as { opened: number }).opened);

  // Real taps on free seats (pick, then unpick), timed by the browser's own Event Timing.
  await page.evaluate(() => ((window as unknown as { taps: number[] }).taps.length = 0));
  const free = page.locator('[data-seat][aria-disabled="false"]');
  for (let i = 0; i < TAPS; i++) {
    await free.nth(i % 4).click();
    await page.waitForTimeout(100);
  }
  const taps = (await page.evaluate(() => (window as unknown as { taps: number[] }).taps)).sort((a, b) => a - b);

  // Idle with the map open: statuses refresh every few seconds.
  const idleFrom = await page.evaluate(() => performance.now());
  await page.waitForTimeout(IDLE_MS);
  const idleBlockingMs = await page.evaluate(
    (from) =>
      (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks
        .filter((t) => t.start >= from)
        .reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    idleFrom,
  );
  // Event Timing reports only events over 16 ms; a tap under that counts as 16.
  const at = (q: number) => taps[Math.min(taps.length - 1, Math.floor(q * taps.length))] ?? 16;
  return { seats, planMs, openSectionMs, sectionSeats, tapMedianMs: taps.length ? at(0.5) : 16, tapWorstMs: taps.length ? taps.at(-1)! : 16, idleBlockingMs };
}

try {
  const arena = await db.schedule.findFirstOrThrow({ where: { concert: { slug: "stadium-of-stars" } }, select: { id: true, concertId: true } });
  const concert = await createBenchConcert(db, { activeLimit: 10, admitPerTick: 10 });
  const stadium = await createBenchDate(db, concert.id, LARGE_SEATS);
  const results = [await measure(await shopper(arena.concertId), arena.id, 2_080), await measure(await shopper(concert.id), stadium.id, LARGE_SEATS)];
  const ms = (value: number) => `${Math.round(value)} ms`;
  console.log("\nSeat map in Chromium at 1280×800 (ms from navigation; Event Timing for taps; long-task time over 50 ms while idle)");
  console.table(
    results.map((r) => ({
      seats: r.seats.toLocaleString("en-US"),
      "plan shown": ms(r.planMs),
      "open a section": `${ms(r.openSectionMs)} (${r.sectionSeats.toLocaleString("en-US")} seats)`,
      "tap, median": r.tapMedianMs <= 16 ? "≤ 16 ms" : ms(r.tapMedianMs),
      "tap, worst": r.tapWorstMs <= 16 ? "≤ 16 ms" : ms(r.tapWorstMs),
      [`blocking in ${IDLE_MS / 1000} s idle`]: ms(r.idleBlockingMs),
    })),
  );
} finally {
  await browser.close();
  await app.stop();
  await close();
}
