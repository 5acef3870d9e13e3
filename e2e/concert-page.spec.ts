import { expect, test } from "@playwright/test";
import { concertIdByTitle } from "./support";

test("before joining the line, a concert's page shows each date's prices and how much is left", async ({ page }) => {
  const concertId = await concertIdByTitle(page, "Stadium of Stars");
  await page.goto(`/concerts/${concertId}`);
  const dates = page.getByRole("list", { name: "Performance dates" }).getByRole("listitem");
  await expect(dates.first()).toContainText(/₩[\d,]+–₩[\d,]+/);
  await expect(dates.first()).toContainText(/Available|Selling fast|Sold out|Not on sale yet/);
  await expect(page.getByRole("link", { name: "Join the waiting room" })).toBeVisible();
  // Shared links preview well: the concert's own title and description.
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Stadium of Stars");
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /^.+ at KSPO Dome, Seoul\. /);
});

test("the app installs with its own name and icon", async ({ request }) => {
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "Stagepass", icons: [{ src: "/icon.svg" }] });
  const icon = await request.get("/icon.svg");
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("a page that is not there says so and offers a way home", async ({ page }) => {
  const response = await page.goto("/concerts/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page is not here" })).toBeVisible();
  await page.getByRole("link", { name: "See the concerts" }).click();
  await expect(page).toHaveURL("/");
});
