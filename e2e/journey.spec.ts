import { expect, test } from "@playwright/test";
import { concertIdByTitle, expectNoViolations, signUpAndSignIn } from "./support";

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`the whole journey at ${viewport.width}×${viewport.height}: queue → seat → hold → top up → pay → order → tickets; the seat is SOLD to the next fan`, async ({ browser }) => {
    const fan = await (await browser.newContext({ viewport })).newPage();
    await signUpAndSignIn(fan, "Journey Fan");
    const concertId = await concertIdByTitle(fan, "Aurora Lights Tour");

    // Waiting room → admitted → dates → seat map.
    await fan.goto(`/concerts/${concertId}/queue`);
    await expect(fan).toHaveURL(`/concerts/${concertId}`);
    await fan.getByRole("list", { name: "Bookable dates" }).getByRole("link").first().click();
    const seat = fan.getByRole("button", { name: /, available$/ }).first();
    const label = (await seat.getAttribute("aria-label"))!.replace(/, available$/, "");
    await seat.click();
    await fan.getByRole("button", { name: "Hold 1 seat" }).click();
    await expect(fan.getByTestId("hold-countdown")).toBeVisible();
    const seatMapUrl = fan.url();

    // A new account has nothing in its wallet: Pay waits for a top-up, and says so.
    await fan.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(fan.getByTestId("pay-balance")).toHaveText("₩0");
    await expect(fan.getByRole("button", { name: /^Pay ₩/ })).toBeDisabled();
    await expect(fan.getByText(/^You need ₩[\d,]+ more to pay\./)).toBeVisible();

    // Top up from the banner (the shortfall is suggested), then pay.
    await fan.getByRole("region", { name: "Your held seats" }).getByRole("button", { name: "Top up" }).click();
    await expect(fan.getByTestId("pay-balance")).not.toHaveText("₩0");
    await fan.getByRole("button", { name: /^Pay ₩/ }).click();

    // The order: its number, the seat with its QR code, the total and the wallet after it; the banner is gone.
    await expect(fan).toHaveURL(/\/orders\/[0-9A-Z]{4}-[0-9A-Z]{4}\?paid=1$/);
    await expect(fan.getByText("Payment complete")).toBeVisible();
    const orderNumber = (await fan.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
    const tickets = fan.getByRole("list", { name: "Tickets" }).getByRole("listitem");
    await expect(tickets).toHaveCount(1);
    await expect(tickets.first().getByRole("img", { name: /QR code for ticket SP-/ })).toBeVisible();
    await expect(fan.getByTestId("order-balanceAfter")).toHaveText("₩0");
    await expect(fan.getByTestId("hold-countdown")).toHaveCount(0);
    await expectNoViolations(fan, `order-${viewport.width}`);

    // Every ticket, by show and order, links back to the order.
    await fan.goto("/tickets");
    const show = fan.getByRole("region", { name: "Aurora Lights Tour" });
    await expect(show.getByRole("list", { name: `Tickets of order ${orderNumber}` }).getByRole("listitem")).toHaveCount(1);
    await expectNoViolations(fan, `tickets-by-show-${viewport.width}`);
    await show.getByRole("link", { name: `Order ${orderNumber}` }).click();
    await expect(fan.getByRole("heading", { name: `Order ${orderNumber}` })).toBeVisible();

    // Paying ended the fan's shopping session: the seat map now sends them back to the line.
    await fan.goto(seatMapUrl);
    await expect(fan.getByText("You need your turn in the waiting room to pick seats.")).toBeVisible();

    // The freed slot lets the next fan in (one shopper at a time here), who sees the seat SOLD.
    const next = await (await browser.newContext({ viewport })).newPage();
    await signUpAndSignIn(next, "Next Fan");
    await next.goto(`/concerts/${concertId}/queue`);
    await expect(next).toHaveURL(`/concerts/${concertId}`);
    await next.goto(seatMapUrl);
    await expect(next.getByRole("button", { name: `${label}, sold` })).toBeVisible();

    // Leave, so the line is free for whoever comes next.
    await next.goto(`/concerts/${concertId}`);
    await next.getByRole("button", { name: "Leave the line" }).click();
    await expect(next.getByRole("link", { name: "Join the waiting room" })).toBeVisible();

    // No tickets yet: the page says so and offers the way to some.
    await next.goto("/tickets");
    await expect(next.getByText("No tickets yet.")).toBeVisible();
    await next.getByRole("link", { name: "Find a concert" }).click();
    await expect(next).toHaveURL("/");
  });
}
