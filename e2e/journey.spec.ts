import { expect, test } from "@playwright/test";
import { concertIdByTitle, signUpAndSignIn } from "./support";

test("the whole journey: queue → seat → hold → top up → pay → ticket; the seat is SOLD to the next fan", async ({ browser }) => {
  const fan = await (await browser.newContext()).newPage();
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

  // The receipt: a ticket with its QR code; the banner is gone.
  await expect(fan).toHaveURL(/\/tickets\?paid=/);
  await expect(fan.getByText("Payment complete")).toBeVisible();
  const tickets = fan.getByRole("list", { name: "Tickets" }).getByRole("listitem");
  await expect(tickets).toHaveCount(1);
  await expect(tickets.first().getByRole("img", { name: /QR code for ticket SP-/ })).toBeVisible();
  await expect(fan.getByTestId("hold-countdown")).toHaveCount(0);

  // Paying ended the fan's shopping session: the seat map now sends them back to the line.
  await fan.goto(seatMapUrl);
  await expect(fan.getByText("You need your turn in the waiting room to pick seats.")).toBeVisible();

  // The freed slot lets the next fan in (one shopper at a time here), who sees the seat SOLD.
  const next = await (await browser.newContext()).newPage();
  await signUpAndSignIn(next, "Next Fan");
  await next.goto(`/concerts/${concertId}/queue`);
  await expect(next).toHaveURL(`/concerts/${concertId}`);
  await next.goto(seatMapUrl);
  await expect(next.getByRole("button", { name: `${label}, sold` })).toBeVisible();

  // Leave, so the line is free for whoever comes next.
  await next.goto(`/concerts/${concertId}`);
  await next.getByRole("button", { name: "Leave the line" }).click();
  await expect(next.getByRole("link", { name: "Join the waiting room" })).toBeVisible();
});
