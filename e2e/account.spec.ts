import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signUpAndSignIn } from "./support";

test("a new fan signs up, sees the concerts, signs out and signs back in", async ({ page }) => {
  const email = `fan-${randomUUID()}@example.test`;
  const password = "correct-horse-battery-9";

  await page.goto("/signup");
  await page.getByLabel("Name").fill("Seo-yeon");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("weak");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("must be at least 10 characters")).toBeVisible();

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
  await expect(page.getByText("is already registered")).toBeVisible();
});

test("a personal access token is shown once, works as a Bearer token, and stops working when revoked", async ({ page, request }) => {
  await signUpAndSignIn(page, "Token Maker");
  await page.goto("/account");
  await page.getByLabel("Token name").fill("my script");
  await page.getByRole("button", { name: "Create" }).click();
  const token = (await page.getByTestId("new-token").textContent())!;
  expect(token).toMatch(/^sp_/);
  await expect(page.getByRole("list", { name: "Your tokens" })).toContainText("my script");

  const auth = { authorization: `Bearer ${token}` };
  expect((await request.get("/api/v1/wallet", { headers: auth })).status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("list", { name: "Your tokens" })).toContainText("No tokens yet.");
  const revoked = await request.get("/api/v1/wallet", { headers: auth });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).code).toBe("INVALID_ACCESS_TOKEN");
});
