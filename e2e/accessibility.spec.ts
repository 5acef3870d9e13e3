import { expect, test } from "@playwright/test";
import { DEMO_ORGANIZER } from "../prisma/demo-data";
import { concertIdByTitle, expectNoViolations, signUpAndSignIn } from "./support";

// Every page a fan reaches without a place in a line, checked by axe as it renders (WCAG 2.x
// A and AA rules), at a desktop and a phone size, with a screenshot kept for a person to look at.
for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`pages pass axe at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    // Twelve pages, each scanned by axe (the 2,080-seat map the slowest): about a minute on two cores.
    test.setTimeout(150_000);
    await page.setViewportSize(viewport);
    for (const path of ["/", "/signin", "/signup", "/docs", "/no-such-page"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expectNoViolations(page, `${path.slice(1) || "home"}-${viewport.width}`);
    }
    await signUpAndSignIn(page, "Axe Fan");
    for (const path of ["/account", "/wallet", "/tickets"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expectNoViolations(page, `${path.slice(1)}-${viewport.width}`);
    }
    // A shopper's pages: the concert, the arena's sections, one section's seats, a hold.
    const arena = await concertIdByTitle(page, "Stadium of Stars");
    await page.goto(`/concerts/${arena}/queue`);
    await expect(page).toHaveURL(`/concerts/${arena}`);
    await expectNoViolations(page, `concert-${viewport.width}`);
    await page.getByRole("list", { name: "Bookable dates" }).getByRole("link").first().click();
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    await expectNoViolations(page, `sections-${viewport.width}`);
    await page.getByRole("navigation", { name: "Sections" }).getByRole("button").first().click();
    await page.getByRole("button", { name: /, available$/ }).first().click();
    await page.getByRole("button", { name: "Hold 1 seat" }).click();
    await expect(page.getByTestId("hold-countdown")).toBeVisible();
    await expectNoViolations(page, `seat-map-${viewport.width}`);
  });
}

// The organizer console as the demo organizer sees it: the demo concerts, with their sales.
for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`organizer pages pass axe at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DEMO_ORGANIZER.email);
    await page.getByLabel("Password").fill(DEMO_ORGANIZER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-user")).toContainText(DEMO_ORGANIZER.name);
    await page.goto("/organizer");
    await page.getByRole("link", { name: DEMO_ORGANIZER.organization }).click();
    await expect(page.getByRole("list", { name: "Concerts" })).toContainText("Stadium of Stars");
    await expectNoViolations(page, `organizer-organization-${viewport.width}`);
    await page.getByRole("list", { name: "Concerts" }).getByRole("link", { name: "Stadium of Stars" }).click();
    await expect(page.getByRole("heading", { name: "Stadium of Stars", level: 1 })).toBeVisible();
    await expectNoViolations(page, `organizer-concert-${viewport.width}`);
    await page.getByRole("link", { name: "Live dashboard" }).click();
    await expect(page.getByRole("img", { name: /Plan of the venue, each section shaded/ })).toBeVisible();
    await expectNoViolations(page, `organizer-dashboard-${viewport.width}`);
    await page.getByRole("link", { name: "Sales list" }).click();
    await expect(page.getByRole("search")).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectNoViolations(page, `organizer-sales-${viewport.width}`);
  });
}

test("a read-only access token can be made and revoked with the keyboard alone", async ({ page }) => {
  await signUpAndSignIn(page, "Keys Only");
  await page.goto("/account");
  const focusedLabel = () =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      return element?.getAttribute("aria-label") ?? element?.labels?.[0]?.textContent?.trim() ?? element?.textContent?.trim();
    });
  // From the top of the page, Tab reaches the form in document order.
  for (let i = 0; i < 20 && (await focusedLabel()) !== "Token name"; i++) await page.keyboard.press("Tab");
  expect(await focusedLabel()).toBe("Token name");
  await page.keyboard.type("read-only script");
  await page.keyboard.press("Tab"); // Read stays checked
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space"); // Booking off
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space"); // Payments off
  await page.keyboard.press("Tab"); // Organizer stays off
  await page.keyboard.press("Tab"); // Webhooks stays off
  await page.keyboard.press("Tab");
  expect(await focusedLabel()).toMatch(/^Expires after/);
  await page.keyboard.press("Tab");
  expect(await focusedLabel()).toBe("Create");
  await page.keyboard.press("Enter");
  const tokens = page.getByRole("list", { name: "Your tokens" });
  await expect(tokens.getByText("read-only script")).toBeVisible();
  await expect(tokens.getByText("read", { exact: true })).toBeVisible();
  // Revoking is reachable and works from the keyboard too.
  for (let i = 0; i < 20 && (await focusedLabel()) !== "Revoke read-only script"; i++) await page.keyboard.press("Tab");
  expect(await focusedLabel()).toBe("Revoke read-only script");
  await page.keyboard.press("Enter");
  // It asks first, with the sure answer focused.
  await expect(page.getByRole("button", { name: "Revoke now" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(tokens.getByText("read-only script")).toHaveCount(0);
});

test.describe("dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("follows the system, passes axe, and the header's switch overrides it for good", async ({ page }) => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.goto("/");
    const dark = await background();
    for (const path of ["/", "/signin", "/docs", "/no-such-page"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expectNoViolations(page, `dark-${path.slice(1) || "home"}`);
    }
    await signUpAndSignIn(page, "Night Owl");
    for (const path of ["/wallet", "/tickets", "/account"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expectNoViolations(page, `dark-${path.slice(1)}`);
    }
    const arena = await concertIdByTitle(page, "Stadium of Stars");
    await page.goto(`/concerts/${arena}/queue`);
    await page.getByRole("list", { name: "Bookable dates" }).getByRole("link").first().click();
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    await expectNoViolations(page, "dark-sections");

    // Light, chosen by hand, wins over the system and survives a reload (painted by the server).
    await page.getByLabel("Theme").selectOption("light");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    const light = await background();
    expect(light).not.toBe(dark);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    expect(await background()).toBe(light);
    await page.getByLabel("Theme").selectOption("system");
    await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
    expect(await background()).toBe(dark);
  });
});
