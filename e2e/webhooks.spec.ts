import { type APIRequestContext, expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startReceiver } from "../tests/webhook-receiver";
import { expectNoViolations, signUpAndSignIn } from "./support";

const tick = (request: APIRequestContext) =>
  request.get("/api/cron/tick", { headers: { authorization: `Bearer ${process.env.E2E_CRON_SECRET}` } });

test("a developer adds a webhook endpoint by keyboard, sends it a test, follows the delivery log, rotates the secret and switches it off", async ({ page }) => {
  const receiver = await startReceiver([204]);
  try {
    await signUpAndSignIn(page, "Hook Owner");
    await page.goto("/account");
    const form = page.getByRole("form", { name: "Add a webhook endpoint" });

    // No event chosen, then a private address: each said at its field.
    await form.getByLabel("Endpoint URL (https)").fill("https://10.0.0.8/hooks");
    await form.getByLabel("Endpoint URL (https)").press("Enter");
    await expect(form.getByText("must name at least one event type")).toBeVisible();
    await form.getByRole("checkbox", { name: /payment\.completed/ }).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    await expect(form.getByText("must not point at a private or reserved network address")).toBeVisible();

    await form.getByLabel("Endpoint URL (https)").fill(receiver.url);
    await page.keyboard.press("Tab");
    await page.keyboard.type("Order sync");
    await page.keyboard.press("Enter");
    const secret = page.getByTestId("webhook-secret");
    await expect(secret).toHaveText(/^whsec_/);
    const firstSecret = (await secret.textContent())!;

    const endpoint = page.getByTestId("webhook-endpoint");
    await expect(endpoint).toContainText(receiver.url);
    await expect(endpoint).toContainText("payment.completed");
    await expect(endpoint.getByTestId("webhook-state")).toHaveText("On");

    await endpoint.getByRole("button", { name: "Send test" }).click();
    await expect(endpoint.getByTestId("webhook-delivery")).toContainText("pending");
    expect((await tick(page.request)).status()).toBe(200); // the worker's pass, as the scheduler runs it
    await expect(endpoint.getByTestId("webhook-delivery")).toContainText("delivered", { timeout: 10_000 });
    await expect(endpoint.getByTestId("webhook-delivery")).toContainText("answered 204");
    const [message] = receiver.received;
    expect(new Webhook(firstSecret).verify(message!.body, message!.headers as Record<string, string>)).toMatchObject({ type: "webhook.test" });

    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoViolations(page, "account-webhooks-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoViolations(page, "account-webhooks-1280");

    await endpoint.getByRole("button", { name: "Rotate secret" }).click();
    await page.keyboard.press("Enter"); // the confirm button has the focus
    await expect(endpoint.getByTestId("webhook-secret")).toHaveText(/^whsec_/);
    expect(await endpoint.getByTestId("webhook-secret").textContent()).not.toBe(firstSecret);

    await endpoint.getByRole("button", { name: "Switch off" }).click();
    await expect(endpoint.getByTestId("webhook-state")).toHaveText("Off");
  } finally {
    await receiver.close();
  }
});
