import { expect, test } from "@playwright/test";

test("the API reference renders from our own document, loading nothing from elsewhere", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) foreign.push(r.url());
  });
  await page.goto("/docs");
  await expect(page.getByText("Your first booking from a script").first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Booking" }).or(page.getByText("Booking", { exact: true })).first().click();
  await expect(page.getByText("Hold 1–4 seats of one date").first()).toBeVisible();
  expect(foreign).toEqual([]);
});
