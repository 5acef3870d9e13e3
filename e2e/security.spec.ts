import { expect, test } from "@playwright/test";
import { PASSWORD } from "./support";

test("sign-in never follows a callback to another site", async ({ page, baseURL }) => {
  const email = `redirect-${crypto.randomUUID()}@example.test`;
  expect((await page.request.post("/api/v1/users", { data: { email, password: PASSWORD, name: "Redirect" } })).status()).toBe(201);
  // The browser reads "/\evil.example" as "//evil.example", another host.
  await page.goto("/signin?callbackUrl=/%5Cevil.example");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText("Redirect");
  expect(page.url()).toBe(`${baseURL}/`);
});

test("pages hydrate and the API reference renders under the Content-Security-Policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const home = await page.goto("/");
  expect(home?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Next's client runtime ran (the sign-in test above needs a hydrated form as well).
  await page.waitForFunction(() => "next" in window);
  await page.goto("/docs");
  await expect(page.getByText("Your first booking from a script").first()).toBeVisible({ timeout: 20_000 });
  expect(violations).toEqual([]);
});
