import { expect, type Page, test } from "@playwright/test";
import { concertIdByTitle, signUpAndSignIn } from "./support";

// The e2e server holds seats for 12 seconds.

async function shopFor(page: Page, title: string) {
  await signUpAndSignIn(page, "Seat Picker");
  const concertId = await concertIdByTitle(page, title);
  await page.goto(`/concerts/${concertId}/queue`);
  await expect(page).toHaveURL(`/concerts/${concertId}`);
  await page.getByRole("list", { name: "Bookable dates" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Pick your seats" })).toBeVisible();
  return concertId;
}

test("a fan picks two seats, sees the countdown everywhere, and releases them", async ({ page }) => {
  await shopFor(page, "Neon Riot Live");
  const free = page.getByRole("button", { name: /, available$/ });
  await free.first().click();
  await free.first().focus();
  await page.keyboard.press("Enter"); // the keyboard picks the second
  await expect(page.getByTestId("selection-summary")).toContainText("2 seats");

  await page.getByRole("button", { name: "Hold 2 seats" }).click();
  await expect(page.getByTestId("hold-countdown")).toHaveText(/^0:(1[0-2]|0\d)$/);
  await expect(page.getByRole("button", { name: /held by you$/ })).toHaveCount(2);

  // The banner follows the fan around the site.
  await page.getByRole("link", { name: "Stagepass" }).click();
  await expect(page.getByTestId("hold-countdown")).toBeVisible();
  await page.getByRole("link", { name: "Seat map" }).click();

  await page.getByRole("button", { name: "Release seats" }).click();
  await expect(page.getByTestId("hold-countdown")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /held by you$/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /, held$/ })).toHaveCount(0);
});

// The arena admits many shoppers at once, so these tests do not wait on each other's places.
async function shopInArena(page: Page) {
  await shopFor(page, "Stadium of Stars");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button").first().click();
}

test("the seat map shows the shopping time, and leaving while holding asks first and gives the seats back", async ({ page }) => {
  await shopInArena(page);
  await expect(page.getByTestId("active-time-left")).toHaveText(/^\d+:\d\d$/);
  const seat = page.getByRole("button", { name: /, available$/ }).first();
  const label = (await seat.getAttribute("aria-label"))!.replace(/, available$/, "");
  await seat.click();
  await page.getByRole("button", { name: "Hold 1 seat" }).click();
  await expect(page.getByRole("button", { name: `${label}, held by you` })).toBeVisible();

  await page.getByRole("button", { name: "Leave the line" }).click();
  await expect(page.getByText("Leaving gives back your held seats.")).toBeVisible();
  await page.getByRole("button", { name: "Stay" }).click();
  await expect(page.getByTestId("hold-countdown")).toBeVisible();

  await page.getByRole("button", { name: "Leave the line" }).click();
  await page.getByRole("button", { name: "Leave and release seats" }).click();
  await expect(page.getByTestId("hold-countdown")).toHaveCount(0);
  await expect(page.getByText("You need your turn in the waiting room to pick seats.")).toBeVisible();
});

test("a fan adds a seat to the hold and gives another back, keeping the rest", async ({ page }) => {
  await shopInArena(page);
  const free = page.getByRole("button", { name: /, available$/ });
  const [first, second, third] = await Promise.all([0, 1, 2].map(async (i) => (await free.nth(i).getAttribute("aria-label"))!.replace(/, available$/, "")));
  await free.nth(0).click();
  await free.nth(0).click(); // the list moved up: this is the second seat
  await page.getByRole("button", { name: "Hold 2 seats" }).click();
  await expect(page.getByRole("button", { name: /held by you$/ })).toHaveCount(2);

  await page.getByRole("button", { name: `${third}, available` }).click();
  await page.getByRole("button", { name: `${first}, held by you` }).click();
  await expect(page.getByTestId("selection-summary")).toContainText("Change to 2 seats");
  await page.getByRole("button", { name: "Update hold" }).click();

  await expect(page.getByRole("button", { name: `${second}, held by you` })).toBeVisible();
  await expect(page.getByRole("button", { name: `${third}, held by you` })).toBeVisible();
  await expect(page.getByRole("button", { name: `${first}, available` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your held seats" })).toBeFocused();
  await page.getByRole("button", { name: "Release seats" }).click();
});

test("held seats are gone from the page after signing out", async ({ page }) => {
  await shopInArena(page);
  await page.getByRole("button", { name: /, available$/ }).first().click();
  await page.getByRole("button", { name: "Hold 1 seat" }).click();
  await expect(page.getByTestId("hold-countdown")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your held seats" })).toHaveCount(0);
  // Nothing is left but the note that whoever was here signed out.
  expect(await page.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith("stagepass.")))).toEqual([["stagepass.owner", ""]]);
});

test("a hold that runs out frees its seats, with no help from cron", async ({ page }) => {
  await shopFor(page, "Midnight Strings");
  const seat = page.getByRole("button", { name: /, available$/ }).first();
  const label = (await seat.getAttribute("aria-label"))!.replace(/, available$/, "");
  await seat.click();
  await page.getByRole("button", { name: "Hold 1 seat" }).click();
  await expect(page.getByRole("button", { name: `${label}, held by you` })).toBeVisible();

  await expect(page.getByText("Your hold ran out.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: `${label}, available` })).toBeVisible({ timeout: 10_000 });
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByText("Your hold ran out.")).toHaveCount(0);
});

test("the 2,080-seat arena opens on its sections and works by keyboard alone", async ({ page }) => {
  await shopFor(page, "Stadium of Stars");
  const sections = page.getByRole("navigation", { name: "Sections" }).getByRole("button");
  await expect(sections).toHaveCount(4);
  await expect(sections.first()).toContainText(/[\d,]+ of [\d,]+ free/);
  await expect(page.getByText(/^[\d,]+ of 2,080 seats free/)).toBeVisible();

  // The plan zooms by button and wheel, pans by dragging, and fits again.
  const plan = page.getByRole("navigation", { name: "Sections" }).locator("svg");
  const viewBox = async () => (await plan.getAttribute("viewBox"))!.split(" ").map(Number);
  const [, , fullWidth] = await viewBox();
  await page.getByRole("button", { name: "Zoom in" }).click();
  const [x1, y1, width1] = await viewBox();
  expect(width1).toBeLessThan(fullWidth!);
  await plan.scrollIntoViewIfNeeded();
  const box = (await plan.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down("Control"); // a plain wheel scrolls the page
  await page.mouse.wheel(0, -300);
  await page.keyboard.up("Control");
  await expect.poll(async () => (await viewBox())[2]).toBeLessThan(width1!);
  const [x2, y2] = await viewBox();
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 5 });
  await page.mouse.up();
  const [x3, y3] = await viewBox();
  expect(x3).toBeLessThan(x2!);
  expect(y3).toBeLessThanOrEqual(y2!);
  expect([x1, y1]).not.toEqual([x3, y3]);
  await page.getByRole("button", { name: "Fit" }).click();
  expect((await viewBox())[2]).toBe(fullWidth);

  // Tab to the first section and open it: its heading takes focus, and only its seats show.
  await sections.first().focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /^Section / })).toBeFocused();
  const seats = page.getByRole("group", { name: "Seat map" }).locator("[data-seat]");
  expect(await seats.count()).toBeLessThan(2080);

  // The whole map is one Tab stop: Tab past "All sections" lands on a seat, the next Tab leaves the map.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.locator("[data-seat]:focus")).toHaveCount(1);
  const picks = ["Enter", "ArrowRight", "Enter", "ArrowRight", "Enter", "ArrowRight", "Enter", "ArrowRight", "Enter"];
  for (const key of picks) await page.keyboard.press(key);
  // The fifth seat is refused where the fan can see it.
  await expect(page.getByText("You can hold up to 4 seats at a time.")).toBeInViewport();
  await expect(page.getByTestId("selection-summary")).toContainText("4 seats");

  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Hold 4 seats" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Your held seats" })).toBeFocused();
  await expect(page.getByRole("button", { name: /held by you$/ })).toHaveCount(4);

  await page.getByRole("button", { name: "← All sections" }).click();
  await expect(sections).toHaveCount(4);
  await expect(sections.first()).toBeFocused();
  await page.getByRole("button", { name: "Release seats" }).click();
  await expect(page.getByTestId("hold-countdown")).toHaveCount(0);
});

test("the server finds the best seats side by side within the fan's price", async ({ page }) => {
  await shopFor(page, "Stadium of Stars");
  const best = page.getByRole("form", { name: "Best available seats" });
  await best.getByLabel("Price").selectOption({ label: "Up to ₩154,000" });
  // The VIP floor is over that price, and says so in the overview.
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: /Section Floor/ })).toContainText("Over your price");
  await best.getByLabel("Seats").selectOption("3");
  await best.getByRole("button", { name: "Find the best 3 seats" }).click();

  const banner = page.getByRole("region", { name: "Your held seats" });
  await expect(banner).toBeFocused();
  // Three neighbours in the front row of the dearest section within the price (101 or 102 at ₩154,000).
  const text = (await banner.textContent()) ?? "";
  const held = text.match(/(10[12]) A-(\d+), \1 A-(\d+), \1 A-(\d+)/);
  expect(held, text).not.toBeNull();
  const numbers = held!.slice(2).map(Number);
  expect(numbers[1]! - numbers[0]!).toBe(1);
  expect(numbers[2]! - numbers[1]!).toBe(1);
  await expect(best.getByRole("button", { name: "Find the best 3 seats" })).toBeDisabled();
  await banner.getByRole("button", { name: "Release seats" }).click();
  await expect(page.getByTestId("hold-countdown")).toHaveCount(0);
});
