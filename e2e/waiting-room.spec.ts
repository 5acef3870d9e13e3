import { expect, test } from "@playwright/test";
import { concertIdByTitle, expectNoViolations, signUpAndSignIn } from "./support";

// The e2e server lets one person shop at a time (QUEUE_ACTIVE_LIMIT=1).
test("a second fan waits in line, keeps their place on reload, and is let in when the first leaves", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext({ permissions: ["notifications"] })).newPage();
  // Notifications the page shows are recorded (the real ones still go to the browser).
  await second.context().addInitScript(() => {
    const Real = window.Notification;
    const shown: string[] = [];
    Object.assign(window, { shownNotifications: shown });
    window.Notification = class extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(`${title} ${options?.body ?? ""}`);
      }
    };
  });
  await signUpAndSignIn(first, "First Fan");
  await signUpAndSignIn(second, "Second Fan");
  const concertId = await concertIdByTitle(first, "Aurora Lights Tour");

  await first.goto("/");
  await first.getByRole("link", { name: "Aurora Lights Tour" }).click();
  await first.getByRole("link", { name: "Join the waiting room" }).click();
  await expect(first).toHaveURL(`/concerts/${concertId}`);
  await expect(first.getByText("It's your turn!")).toBeVisible();

  await second.goto(`/concerts/${concertId}/queue`);
  await expect(second.getByRole("heading", { name: "You're in line" })).toBeVisible();
  await expect(second.getByTestId("queue-position")).toHaveText("1");
  await expect(second.getByTestId("queue-ahead")).toHaveText("You're next.");
  const number = await second.getByText(/your number is/).textContent();

  await second.reload();
  await expect(second.getByTestId("queue-position")).toHaveText("1");
  await expect(second.getByText(/your number is/)).toHaveText(number!);
  await expect(second.getByTestId("queue-updated")).toHaveText(/^Updated \d+ s ago$/);
  // Losing the connection is said plainly, and the place is kept.
  await second.context().setOffline(true);
  await expect(second.getByText(/^You're offline\. Your place is kept/)).toBeVisible();
  await second.context().setOffline(false);
  await expect(second.getByText(/^You're offline\./)).toHaveCount(0);

  // Waiting in two tabs is pointed out in both, until one closes.
  const secondTab = await second.context().newPage();
  await secondTab.goto(`/concerts/${concertId}/queue`);
  await expect(secondTab.getByTestId("queue-open-elsewhere")).toBeVisible();
  await expect(second.getByTestId("queue-open-elsewhere")).toBeVisible();
  await secondTab.close();
  await expect(second.getByTestId("queue-open-elsewhere")).toHaveCount(0);

  // The fan asks to be alerted, then looks away.
  await second.getByRole("button", { name: "Alert me when it's my turn" }).click();
  await expect(second.getByText("We'll alert you when it's your turn.")).toBeVisible();
  await expectNoViolations(second, "waiting-room");

  await first.getByRole("button", { name: "Leave the line" }).click();
  await expect(first.getByRole("link", { name: "Join the waiting room" })).toBeVisible();

  // Nobody touches the second page: its own polling notices the free slot and moves on.
  await expect(second).toHaveURL(`/concerts/${concertId}`, { timeout: 20_000 });
  await expect(second.getByText("It's your turn!")).toBeVisible();
  // The alert: a notification, and the tab's title flashing between the page's and the news.
  expect(await second.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications)).toEqual([
    "It's your turn! Pick your seats for Aurora Lights Tour now.",
  ]);
  await expect.poll(() => second.title(), { timeout: 3_000 }).toBe("It's your turn!");
  await expect.poll(() => second.title(), { timeout: 3_000 }).toContain("Aurora Lights Tour");
  await expect(second.getByTestId("active-time-left")).toHaveText(/^1[45]:\d\d$/);
});

test("the waiting room asks strangers to sign in first", async ({ page, request }) => {
  const concertId = await concertIdByTitle(page, "Midnight Strings");
  await page.goto(`/concerts/${concertId}/queue`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  const anonymous = await request.post(`/api/v1/concerts/${concertId}/queue`);
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toBe("application/problem+json");
});

test("a place taken on a first visit, before the page knows who is signed in, is kept", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signUpAndSignIn(page, "First Visit Fan");
  const concertId = await concertIdByTitle(page, "Aurora Lights Tour");
  // Signed in, but nothing of ours stored yet (a first visit), and the session slow to come.
  await page.evaluate(() => localStorage.clear());
  let sendSession!: () => void;
  const sessionSent = new Promise<void>((resolve) => (sendSession = resolve));
  await page.route("**/api/auth/session", async (route) => {
    await sessionSent;
    await route.continue();
  });
  const storedToken = () => page.evaluate((id) => localStorage.getItem(`stagepass.queue.${id}`), concertId);
  await page.goto(`/concerts/${concertId}/queue`);
  await expect.poll(storedToken).not.toBeNull();
  const token = await storedToken();

  sendSession();
  // The page has learnt who is signed in once it records them as the stored values' owner.
  await expect.poll(() => page.evaluate(() => localStorage.getItem("stagepass.owner"))).not.toBeNull();
  expect(await storedToken()).toBe(token);

  // Leaves, so the line's one shopping place is free for the other tests.
  const left = await page.evaluate(
    (queueToken) => fetch("/api/v1/queue", { method: "DELETE", headers: { "x-queue-token": queueToken! } }).then((r) => r.status),
    token,
  );
  expect(left).toBe(204);
});
