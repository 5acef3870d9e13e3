import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type request } from "@playwright/test";

/** axe (WCAG 2.x A and AA rules) finds nothing on the page as it is; a screenshot is kept for a person to look at. */
export async function expectNoViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `${name} has no accessibility violations`).toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

export const PASSWORD = "correct-horse-battery-9";

/** A new account, signed in through the sign-in page in this page's browser context. */
export async function signUpAndSignIn(page: Page, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID()}@example.test`;
  const created = await page.request.post("/api/v1/users", { data: { email, password: PASSWORD, name } });
  expect(created.status()).toBe(201);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(name);
  return { email };
}

export async function concertIdByTitle(page: Page, title: string): Promise<string> {
  const response = await page.request.get("/api/v1/concerts?limit=100");
  const { items } = (await response.json()) as { items: { id: string; title: string }[] };
  const concert = items.find((c) => c.title === title);
  if (!concert) throw new Error(`No concert titled ${title}`);
  return concert.id;
}

/** A new account with a personal access token, signed in through next-auth's own endpoints. */
export async function apiAccount(playwright: typeof request, baseURL: string, name: string) {
  const context = await playwright.newContext({ baseURL });
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID()}@example.test`;
  expect((await context.post("/api/v1/users", { data: { email, password: PASSWORD, name } })).status()).toBe(201);
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" } });
  const created = await context.post("/api/v1/me/tokens", { data: { name: "scenarios" } });
  expect(created.status()).toBe(201);
  const { token, id } = (await created.json()) as { token: string; id: string };
  return { context, email, token, tokenId: id, auth: { authorization: `Bearer ${token}` } };
}
