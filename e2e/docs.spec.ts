import { expect, test } from "@playwright/test";

test("the API reference is our own document as light HTML, loading nothing from elsewhere", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  const scripts: Promise<number>[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.request().sizes().then((sizes) => sizes.responseBodySize));
  });
  await page.goto("/docs");
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { name: "Your first booking from a script" })).toBeVisible();
  await page.getByRole("navigation", { name: "API sections" }).getByRole("link", { name: "Booking", exact: true }).click();
  await expect(page).toHaveURL(/#tag-booking$/);
  const booking = page.getByRole("region", { name: "Booking" });
  await expect(booking.getByRole("heading", { name: "Booking" })).toBeInViewport();
  await expect(booking.getByText("Hold 1–4 seats of one date")).toBeVisible();
  // Every documented operation is on the page, each with its error codes.
  const document = await (await page.request.get("/api/v1/openapi.json")).json();
  const count = Object.values(document.paths as Record<string, object>).reduce((n, methods) => n + Object.keys(methods).length, 0);
  await expect(page.locator("section[id^='get'], section[id^='post'], section[id^='patch'], section[id^='delete'], section[id^='put']")).toHaveCount(count);
  await expect(page.locator("#postApiV1Holds")).toContainText("HOLD_EXISTS");
  const scriptBytes = (await Promise.all(scripts)).reduce((sum, bytes) => sum + bytes, 0);
  // Only the app's own runtime, gzipped, crosses the wire: the reference adds no script (it was 1.26 MB).
  expect(scriptBytes, `JavaScript sent for /docs: ${scriptBytes} bytes`).toBeLessThan(400_000);
  expect(foreign).toEqual([]);
});
