import { expect, test } from "@playwright/test";
import { formatDateTime } from "../lib/date-time";
import { expectNoViolations } from "./support";

test.describe("a Korean browser", () => {
  test.use({ locale: "ko-KR", timezoneId: "Asia/Seoul" });

  test("gets the site in Korean, with Korean dates, and can switch to English and back", async ({ page }) => {
    const hydrationWarnings: string[] = [];
    page.on("console", (message) => {
      if (/hydrat/i.test(message.text())) hydrationWarnings.push(message.text());
    });
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("다가오는 공연");
    await expect(page.getByRole("link", { name: "로그인" })).toBeVisible();
    // Dates in Korean, the same text on first paint and after hydration.
    await page.waitForLoadState("networkidle");
    const time = page.locator("article time").first();
    expect(await time.textContent()).toBe(formatDateTime((await time.getAttribute("datetime"))!, "Asia/Seoul", "ko"));
    await expect(time).toContainText("년");
    await expectNoViolations(page, "home-ko");

    // The switcher: English, kept across pages (a cookie), then back to Korean.
    const languages = page.getByRole("group", { name: "언어" });
    await languages.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Upcoming concerts");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "한국어" }).click();
    await expect(page.getByRole("heading", { name: "로그인" })).toBeVisible();
    await expect(page.getByLabel("이메일")).toBeVisible();
    expect(hydrationWarnings).toEqual([]);
  });
});

test("an English browser gets English, whatever the switcher offers", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Upcoming concerts");
  await expect(page.getByRole("group", { name: "Language" }).getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
});
