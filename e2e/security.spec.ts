import { spawn } from "node:child_process";
import { once } from "node:events";
import { expect, test } from "@playwright/test";
import { SERVE_ARGS } from "../scripts/serve-args";
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

// The production server answers the API itself (lib/http/direct-api.ts): its answers must
// carry what Next adds to everything else.
test("API answers carry the security headers and are compressed like pages", async ({ request }) => {
  const live = await request.get("/api/v1/health/live");
  // Next marks what it serves as varying by its router headers; this path does not.
  expect(live.headers()["vary"]).toBe("Accept-Encoding");
  expect(live.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(live.headers()["x-content-type-options"]).toBe("nosniff");
  expect(live.headers()["content-encoding"]).toBeUndefined(); // too small to be worth it
  const problem = await request.get("/api/v1/holds/not-a-uuid");
  expect(problem.status()).toBe(401);
  expect(problem.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const document = await request.get("/api/v1/openapi.json", { headers: { "accept-encoding": "gzip" } });
  expect(document.headers()["content-encoding"]).toBe("gzip");
  expect((await document.json()).openapi).toMatch(/^3\.1/);
});

test("the production server refuses to start with an invalid configuration, naming the variable but not its value", async () => {
  const secret = "too-short-a-secret";
  const server = spawn(process.execPath, ["--import", "tsx", ...SERVE_ARGS], {
    env: { ...process.env, NODE_ENV: "production", PORT: "3399", AUTH_SECRET: secret, CRON_SECRET: undefined },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(server, "exit")) as [number | null];
  expect(code).toBe(1);
  expect(output).toContain("AUTH_SECRET");
  expect(output).not.toContain(secret);
  expect(output).not.toContain("ready on");
});
