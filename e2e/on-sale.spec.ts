import { expect, request, test } from "@playwright/test";
import { apiAccount, expectNoViolations, signUpAndSignIn } from "./support";

// A scheduled on-sale from a fan's seat: the countdown, the browser check, the pre-queue,
// the draw at the open, the turn, and the published draw checked against their entry.

const SECOND = 1_000;

/** A concert of a new organizer, published with these sale settings; returns its id and the organizer's API context. */
async function organizerConcert(baseURL: string, settings: Record<string, unknown>) {
  const organizer = await apiAccount(request, baseURL, "On-sale Organizer");
  const api = organizer.context;
  const organization = await (await api.post("/api/v1/organizer/organizations", { data: { name: "Presale Promotions" } })).json();
  const layout = { sections: [{ name: "Floor", x: 0, y: 0, tier: "R", rows: [{ label: "A", seats: 10 }] }] };
  const venue = await (await api.post("/api/v1/organizer/venues", { data: { organizationId: organization.id, name: "Presale Hall", layout } })).json();
  const made = await api.post("/api/v1/organizer/concerts", {
    data: { organizationId: organization.id, venueId: venue.id, title: "Presale Night", artist: "The Draws", tiers: [{ name: "R", price: 40_000, colour: "#2563eb" }], settings },
  });
  expect(made.status()).toBe(201);
  const { id } = await made.json();
  const day = 86_400_000;
  expect((await api.post(`/api/v1/organizer/concerts/${id}/schedules`, { data: { startsAt: new Date(Date.now() + 30 * day).toISOString(), salesOpenAt: new Date(Date.now() - day).toISOString() } })).status()).toBe(201);
  expect((await api.post(`/api/v1/organizer/concerts/${id}/publish`)).status()).toBe(200);
  return { concertId: id as string, organizer: api };
}

test("a fan counts down, joins the pre-queue, is drawn and let in, and checks the draw", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const now = Date.now();
  const { concertId } = await organizerConcert(baseURL!, {
    preQueueOpensAt: new Date(now + 15 * SECOND).toISOString(),
    salesOpenAt: new Date(now + 35 * SECOND).toISOString(),
    challengeDifficulty: 50_000,
    activeLimit: 10,
    admitPerTick: 10,
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpAndSignIn(page, "Presale Fan");

  await page.goto(`/concerts/${concertId}/queue`);
  await expect(page.getByRole("heading", { name: "The line opens soon" })).toBeVisible();
  await expect(page.getByTestId("queue-countdown")).toHaveText(/^0:0\d$|^0:1\d$/);
  await expect(page.getByText(/placed by a random draw/)).toBeVisible();
  await expectNoViolations(page, "on-sale-countdown-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoViolations(page, "on-sale-countdown-390");

  // At the opening the page solves its browser check and joins by itself.
  await expect(page.getByRole("heading", { name: "You're in the pre-queue" })).toBeVisible({ timeout: 30 * SECOND });
  const entryId = (await page.getByTestId("queue-entry-id").textContent())!;
  expect(entryId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId("queue-draw-countdown")).toBeVisible();
  await expectNoViolations(page, "on-sale-pre-queue-390");
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoViolations(page, "on-sale-pre-queue-1280");

  // By keyboard alone, to the draw's page: its commitment is public, the seed not yet.
  const verify = page.getByRole("link", { name: "How the draw works and how to check it" });
  for (let i = 0; i < 40 && !(await verify.evaluate((link) => link === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(verify).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/concerts/${concertId}/draw?entry=${entryId}`);
  await expect(page.getByTestId("draw-commitment")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId("draw-entry")).toContainText("The draw has not been made yet");

  // Back in line, the place is kept; at the open the fan is drawn, let in and sent to the concert.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "You're in the pre-queue" })).toBeVisible();
  await expect(page.getByTestId("queue-entry-id")).toHaveText(entryId);
  await expect(page).toHaveURL(`/concerts/${concertId}`, { timeout: 45 * SECOND });
  await expect(page.getByText("It's your turn!")).toBeVisible();

  // The published draw, checked in the browser against the fan's entry.
  await page.goto(`/concerts/${concertId}/draw?entry=${entryId}`);
  await expect(page.getByTestId("draw-entry")).toContainText("Number 1 in line (of 1 drawn).");
  await expect(page.getByTestId("draw-checks").getByRole("listitem")).toHaveCount(4);
  await expect(page.getByTestId("draw-checks")).not.toContainText("failed");
  await expect(page.getByTestId("draw-seed")).toHaveText(/^[0-9a-f]{64}$/);
  await expectNoViolations(page, "on-sale-draw-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  // Long hashes wrap: nothing scrolls sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoViolations(page, "on-sale-draw-390");
});

test("a paused line keeps everyone's place and says so, until the organizer resumes it", async ({ page, baseURL }) => {
  const { concertId, organizer } = await organizerConcert(baseURL!, { activeLimit: 1, admitPerTick: 1 });
  // Someone shops already: the fan waits behind them.
  const shopper = await apiAccount(request, baseURL!, "Early Shopper");
  expect((await shopper.context.post(`/api/v1/concerts/${concertId}/queue`, { headers: shopper.auth })).status()).toBe(201);
  await signUpAndSignIn(page, "Patient Fan");
  await page.goto(`/concerts/${concertId}/queue`);
  await expect(page.getByRole("heading", { name: "You're in line" })).toBeVisible();
  await expect(page.getByTestId("queue-position")).toHaveText("1");
  await expect(page.getByTestId("queue-paused")).toHaveCount(0);

  expect((await organizer.post(`/api/v1/organizer/concerts/${concertId}/queue/pause`)).status()).toBe(200);
  await expect(page.getByTestId("queue-paused")).toContainText("Paused by the organizer", { timeout: 20 * SECOND });
  await expect(page.getByTestId("queue-position")).toHaveText("1");
  // Nobody was let in before the pause, so there is no rate to estimate from: the wait is "when resumed".
  await expect(page.getByTestId("queue-eta")).toHaveText("when resumed");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoViolations(page, "queue-paused-390");
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoViolations(page, "queue-paused-1280");

  expect((await organizer.post(`/api/v1/organizer/concerts/${concertId}/queue/resume`)).status()).toBe(200);
  await expect(page.getByTestId("queue-paused")).toHaveCount(0, { timeout: 20 * SECOND });
  await expect(page.getByTestId("queue-position")).toHaveText("1");
});
