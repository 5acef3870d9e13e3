import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { PASSWORD, signUpAndSignIn } from "./support";

test("a new fan signs up, sees the concerts, signs out and signs back in", async ({ page }) => {
  const email = `fan-${randomUUID()}@example.test`;
  const password = "correct-horse-battery-9";

  await page.goto("/signup");
  await page.getByLabel("Name").fill("Seo-yeon");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("weak");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters, mixing letters with digits or symbols.")).toBeVisible();

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByTestId("signed-in-user")).toContainText("Seo-yeon");
  await expect(page.getByRole("heading", { name: "Upcoming concerts" })).toBeVisible();
  const concerts = page.getByRole("list", { name: "Concerts" }).getByRole("listitem");
  await expect(concerts).not.toHaveCount(0);
  await expect(concerts.first().getByRole("heading")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);

  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-my-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText("Seo-yeon");
});

test("signing up twice with one email is refused with a clear message", async ({ page, request }) => {
  const email = `dup-${randomUUID()}@example.test`;
  const first = await request.post("/api/v1/users", { data: { email, password: "correct-horse-battery-9", name: "First" } });
  expect(first.status()).toBe(201);

  await page.goto("/signup");
  await page.getByLabel("Name").fill("Second");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct-horse-battery-9");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
});

test("a personal access token is shown once with its scopes and expiry, works as a Bearer token, and stops working when revoked", async ({ page, request }) => {
  await signUpAndSignIn(page, "Token Maker");
  await page.goto("/account");
  await page.getByLabel("Token name").fill("my script");
  await page.getByLabel(/^Booking/).uncheck();
  await page.getByLabel(/^Payments/).uncheck();
  await page.getByLabel("Expires after").selectOption("7");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  const token = (await page.getByTestId("new-token").textContent())!;
  expect(token).toMatch(/^sp_/);
  const listed = page.getByRole("list", { name: "Your tokens" }).getByRole("listitem");
  await expect(listed).toContainText("my script");
  await expect(listed).toContainText("read");
  await expect(listed).not.toContainText("booking");
  const expires = await listed.locator("time").nth(1).getAttribute("datetime");
  expect(Math.abs(Date.parse(expires!) - (Date.now() + 7 * 24 * 3600 * 1000))).toBeLessThan(10 * 60 * 1000);

  // The form starts over with a fan's scopes ticked; the organizer console has to be asked for.
  await expect(page.getByLabel(/^Organizer/)).not.toBeChecked();
  for (const scope of [/^Read/, /^Booking/, /^Payments/]) await page.getByLabel(scope).uncheck();
  await page.getByLabel("Token name").fill("nothing allowed");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByText("Pick at least one scope.")).toBeVisible();

  const auth = { authorization: `Bearer ${token}` };
  expect((await request.get("/api/v1/wallet", { headers: auth })).status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke my script" }).click();
  await page.getByRole("button", { name: "Keep" }).click();
  await expect(page.getByRole("list", { name: "Your tokens" })).toContainText("my script");
  await page.getByRole("button", { name: "Revoke my script" }).click();
  await page.getByRole("button", { name: "Revoke now" }).click();
  await expect(page.getByRole("list", { name: "Your tokens" })).toContainText("No tokens yet.");
  const revoked = await request.get("/api/v1/wallet", { headers: auth });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).code).toBe("INVALID_ACCESS_TOKEN");
});

test("the token list loads more when there are more than a page", async ({ page }) => {
  await signUpAndSignIn(page, "Many Tokens");
  for (let i = 1; i <= 12; i++) expect((await page.request.post("/api/v1/me/tokens", { data: { name: `token ${i}` } })).status()).toBe(201);
  await page.goto("/account");
  const listed = page.getByRole("list", { name: "Your tokens" }).getByRole("listitem");
  await expect(listed).toHaveCount(10);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(listed).toHaveCount(12);
  await expect(listed.last()).toContainText("token 1");
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
});

test("signing out ends the session on the server: a saved copy of its cookie is worthless", async ({ page, playwright, baseURL }) => {
  await signUpAndSignIn(page, "Careful Fan");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const copy = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } });
  const answer = await copy.get("/api/v1/wallet");
  expect(answer.status()).toBe(401);
  expect((await answer.json()).code).toBe("UNAUTHENTICATED");
  await copy.dispose();
});

test("changing the password keeps this browser signed in and signs out every other", async ({ page, browser }) => {
  const { email } = await signUpAndSignIn(page, "Rotating Fan");
  const other = await browser.newPage();
  await other.goto("/signin");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill(PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByTestId("signed-in-user")).toContainText("Rotating Fan");

  await page.goto("/account");
  await page.getByLabel("Current password").fill("not-my-password-1");
  await page.getByLabel("New password").fill("a-brand-new-secret-7");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("is not your current password")).toBeVisible();
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Your other sessions have been signed out.")).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("signed-in-user")).toContainText("Rotating Fan");
  await other.goto("/account");
  await expect(other).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
  await expect(other.getByTestId("signed-in-user")).toHaveCount(0);
  await other.close();
});
