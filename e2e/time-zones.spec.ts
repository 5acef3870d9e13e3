import { expect, test, type Browser } from "@playwright/test";
import { formatDateTime } from "../lib/date-time";
import { signUpAndSignIn } from "./support";

// The server runs in UTC (playwright.config.ts); these browsers do not.

async function firstShowTime(browser: Browser, options: { timezoneId: string; javaScriptEnabled: boolean }) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto("/");
  const time = page.locator("article time").first();
  // Let hydration (and any re-render it brings) finish before reading.
  if (options.javaScriptEnabled) await page.waitForLoadState("networkidle");
  const shown = { iso: (await time.getAttribute("datetime"))!, text: (await time.textContent())! };
  await context.close();
  return shown;
}

test("show times are the venue's local time on first paint and after hydration, wherever the browser is", async ({ browser }) => {
  const firstPaint = await firstShowTime(browser, { timezoneId: "America/Los_Angeles", javaScriptEnabled: false });
  const seoul = await firstShowTime(browser, { timezoneId: "Asia/Seoul", javaScriptEnabled: true });
  const losAngeles = await firstShowTime(browser, { timezoneId: "America/Los_Angeles", javaScriptEnabled: true });
  // Every demo venue is in Seoul.
  expect(firstPaint.text).toBe(formatDateTime(firstPaint.iso, "Asia/Seoul"));
  expect(seoul).toEqual(firstPaint);
  expect(losAngeles).toEqual(firstPaint);
});

test.describe("a browser in Seoul", () => {
  test.use({ timezoneId: "Asia/Seoul" });

  test("sees its own wallet history in its own time zone", async ({ page }) => {
    await signUpAndSignIn(page, "Seoul Fan");
    await page.goto("/wallet");
    await page.getByLabel("Amount in won").fill("50000");
    await page.getByRole("button", { name: "Top up" }).click();
    const entry = page.getByRole("list", { name: "Wallet activity" }).locator("time").first();
    await expect(entry).toContainText("GMT+9");
    expect(await entry.textContent()).toBe(formatDateTime((await entry.getAttribute("datetime"))!, "Asia/Seoul"));
  });
});
