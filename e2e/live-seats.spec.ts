import { expect, type Browser, type Page, test } from "@playwright/test";
import { concertIdByTitle, signUpAndSignIn } from "./support";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
}

// The arena admits many shoppers at once: every fan here is let in on entering.
async function shopAtTheArena(page: Page, name: string) {
  await signUpAndSignIn(page, name);
  const concertId = await concertIdByTitle(page, "Stadium of Stars");
  await page.goto(`/concerts/${concertId}/queue`);
  await expect(page).toHaveURL(`/concerts/${concertId}`);
  await page.getByRole("list", { name: "Bookable dates" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Pick your seats" })).toBeVisible();
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button").first().click();
}

const seatEventsConnected = (page: Page) =>
  page.waitForResponse((r) => r.url().includes("/seats/events") && r.status() === 200, { timeout: 15_000 });

test("a seat held in one browser shows as held in another within a second, by the event stream; a browser without it catches up by polling", async ({ browser }) => {
  const watcher = await newPage(browser);
  const connected = seatEventsConnected(watcher);
  await shopAtTheArena(watcher, "Watching Fan");
  await connected;
  // This browser's event stream always fails: it must fall back to refreshing.
  const cutOff = await newPage(browser);
  await cutOff.route("**/seats/events", (route) => route.abort());
  await shopAtTheArena(cutOff, "Cut-off Fan");

  const buyer = await newPage(browser);
  await shopAtTheArena(buyer, "Quick Buyer");
  const seat = buyer.getByRole("button", { name: /, available$/ }).first();
  const label = (await seat.getAttribute("aria-label"))!.replace(/, available$/, "");
  await seat.click();
  const statusRefreshes: string[] = [];
  watcher.on("request", (r) => r.url().includes("/seats/status") && statusRefreshes.push(r.url()));

  const [held] = await Promise.all([
    buyer.waitForResponse((r) => r.url().endsWith("/api/v1/holds") && r.request().method() === "POST"),
    buyer.getByRole("button", { name: "Hold 1 seat" }).click(),
  ]);
  expect(held.status()).toBe(201);
  const committedAt = Date.now();
  await expect(watcher.getByRole("button", { name: `${label}, held` })).toBeVisible({ timeout: 5_000 });
  const seenAfterMs = Date.now() - committedAt;
  console.log(`Seat change from the hold's response to a second browser: ${seenAfterMs} ms`);
  expect(seenAfterMs).toBeLessThan(1_000);
  expect(statusRefreshes, "the watcher learned it from the stream, not a refresh").toEqual([]);

  // The browser whose stream is cut off polls every few seconds instead.
  await expect(cutOff.getByRole("button", { name: `${label}, held` })).toBeVisible({ timeout: 10_000 });

  // Given back: free again in both.
  await buyer.getByRole("button", { name: "Release seats" }).click();
  await expect(watcher.getByRole("button", { name: `${label}, available` })).toBeVisible({ timeout: 5_000 });
  await expect(cutOff.getByRole("button", { name: `${label}, available` })).toBeVisible({ timeout: 10_000 });
});
