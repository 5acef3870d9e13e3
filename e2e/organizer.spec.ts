import { expect, test } from "@playwright/test";
import { expectNoViolations, signUpAndSignIn } from "./support";

test("an organizer starts an organization, invites a manager by link, and the manager joins by keyboard", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  const invitee = await (await browser.newContext()).newPage();
  await signUpAndSignIn(owner, "Olive Owner");
  const { email } = await signUpAndSignIn(invitee, "Max Manager");

  await owner.goto("/account");
  await owner.getByRole("link", { name: "Organizer console" }).click();
  await expect(owner.getByText("You are not in any organization yet.")).toBeVisible();
  await expectNoViolations(owner, "organizer-empty");
  await owner.getByLabel("Organization name").fill("Night Owl Concerts");
  await owner.getByRole("button", { name: "Create", exact: true }).click();
  await expect(owner.getByRole("heading", { name: "Night Owl Concerts", level: 1 })).toBeVisible();
  await expect(owner.getByText("Your role: Owner")).toBeVisible();
  const organizationUrl = owner.url();

  await owner.getByLabel("Email").fill(email);
  await owner.getByRole("combobox", { name: "Role", exact: true }).selectOption("MANAGER");
  await owner.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await owner.getByTestId("invite-link").textContent())!;
  expect(link).toMatch(/\/organizer\/invites\/spi_/);
  await expect(owner.getByRole("region", { name: "Open invitations" })).toContainText(email);
  await expectNoViolations(owner, "organizer-organization");

  // The invitee opens the link and accepts with the keyboard alone.
  await invitee.goto(link);
  await expect(invitee.getByText(`You are signed in as ${email}`)).toBeVisible();
  await expectNoViolations(invitee, "organizer-invitation");
  const accept = invitee.getByRole("button", { name: "Accept the invitation" });
  for (let i = 0; i < 30 && !(await accept.evaluate((button) => button === document.activeElement)); i++) await invitee.keyboard.press("Tab");
  await expect(accept).toBeFocused();
  await invitee.keyboard.press("Enter");
  await expect(invitee).toHaveURL(organizationUrl);
  await expect(invitee.getByText("Your role: Manager")).toBeVisible();

  // The owner sees the new member, and the invitation is no longer open.
  await owner.reload();
  const members = owner.getByRole("list", { name: "Members" });
  await expect(members).toContainText("Max Manager");
  await expect(owner.getByRole("region", { name: "Open invitations" })).toHaveCount(0);
  // Managers cannot change roles; the owner can.
  await expect(invitee.getByRole("button", { name: "Change role" })).toHaveCount(0);
  await owner.getByLabel("Role of Max Manager").selectOption("STAFF");
  await owner.getByRole("listitem").filter({ hasText: "Max Manager" }).getByRole("button", { name: "Change role" }).click();
  await invitee.reload();
  await expect(invitee.getByText("Your role: Staff")).toBeVisible();

  // A venue from a seat list; a list with a mistake is answered line by line.
  const seatList = (lines: string[]) => ({ name: "seats.csv", mimeType: "text/csv", buffer: Buffer.from(["section,row,seat,tier", ...lines].join("\n")) });
  await owner.getByLabel("Venue name").fill("Loopback Hall");
  await owner.getByLabel("Seat list (CSV)").setInputFiles(seatList(["Floor,A,1,R", "Floor,A,one,R", "Floor,A,1,R"]));
  await owner.getByRole("button", { name: "Add venue" }).click();
  await expect(owner.getByText("line 3: seat must be a whole number from 1 to 2000")).toBeVisible();
  await expect(owner.getByText("line 4: seat 1 of row A in Floor is already on line 2")).toBeVisible();
  const floor = ["A", "B", "C"].flatMap((row) => Array.from({ length: 12 }, (_, i) => `Floor,${row},${i + 1},R`));
  const balcony = Array.from({ length: 20 }, (_, i) => `"Balcony, left",A,${i + 1},S`);
  await owner.getByLabel("Seat list (CSV)").setInputFiles(seatList([...floor, ...balcony]));
  await owner.getByRole("button", { name: "Add venue" }).click();
  await expect(owner.getByRole("heading", { name: "Loopback Hall", level: 1 })).toBeVisible();
  await expect(owner.getByText("56 seats · layout version 1")).toBeVisible();
  await expect(owner.getByRole("img", { name: "Plan of the venue with 2 sections" })).toBeVisible();
  await expect(owner.getByRole("row", { name: /Balcony, left/ })).toContainText("20");
  await expectNoViolations(owner, "organizer-venue");
  await owner.getByRole("link", { name: "Back to the organization" }).click();
  await expect(owner.getByRole("list", { name: "Venues" })).toContainText("Loopback Hall");

  // The last owner cannot leave: the page says why.
  await owner.getByRole("button", { name: "Leave this organization" }).click();
  await owner.getByRole("button", { name: "Leave", exact: true }).click();
  await expect(owner.getByText("An organization needs an owner. Make someone else an owner first.")).toBeVisible();
});

test("a fan who opens someone's organization page is told the console is for organizers", async ({ page }) => {
  await signUpAndSignIn(page, "Curious Fan");
  await page.goto("/organizer/00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("Only members of an organization can open this.")).toBeVisible();
});

test("an organizer drafts a concert, fixes what the publish check lists, publishes it, and calls it off", async ({ page }) => {
  await signUpAndSignIn(page, "Paula Producer");
  await page.goto("/organizer");
  await page.getByLabel("Organization name").fill("Encore Live");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Encore Live", level: 1 })).toBeVisible();
  await expect(page.getByText("Add a venue first")).toBeVisible();

  const seats = ["A", "B"].flatMap((row) => Array.from({ length: 10 }, (_, i) => `Floor,${row},${i + 1},R`)).concat(Array.from({ length: 10 }, (_, i) => `Balcony,C,${i + 1},S`));
  await page.getByLabel("Venue name").fill("Echo Hall");
  await page.getByLabel("Seat list (CSV)").setInputFiles({ name: "seats.csv", mimeType: "text/csv", buffer: Buffer.from(["section,row,seat,tier", ...seats].join("\n")) });
  await page.getByRole("button", { name: "Add venue" }).click();
  await page.getByRole("link", { name: "Back to the organization" }).click();

  await page.getByLabel("Title").fill("Encore Night");
  await page.getByLabel("Artist").fill("The Echoes");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: "Encore Night", level: 1 })).toBeVisible();
  const missing = page.getByRole("list", { name: "What is missing" });
  await expect(missing).toContainText("must have at least one tier");
  await expect(missing).toContainText("must have at least one date");
  await expectNoViolations(page, "organizer-concert-draft");

  // Tiers, with a mistake the API names by field.
  await page.getByRole("button", { name: "Add a tier" }).click();
  await page.getByRole("button", { name: "Add a tier" }).click();
  const tier = (n: number) => page.getByRole("group", { name: `Tier ${n}` });
  await tier(1).getByLabel("Name").fill("R");
  await tier(1).getByLabel("Price (won)").fill("120000");
  await tier(2).getByLabel("Name").fill("r");
  await tier(2).getByLabel("Price (won)").fill("80000");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(tier(2).getByText("repeats tier R")).toBeVisible();
  await tier(2).getByLabel("Name").fill("S");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(missing).not.toContainText("tier");

  // Typed as Seoul wall-clock time (the concert's zone): UTC + 9 hours.
  const local = (days: number) => new Date(Date.now() + days * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 16);
  await page.getByLabel("Starts").fill(local(30));
  await page.getByLabel("Sales open").fill(local(-1));
  await page.getByRole("button", { name: "Add date" }).click();
  await expect(page.getByRole("cell", { name: "Made when published" })).toBeVisible();
  await expect(page.getByText("Everything is in place.")).toBeVisible();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("button", { name: "Publish now" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("On sale", { exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "30 seats (layout version 1)" })).toBeVisible();
  // Once published, tier names and section tiers are fixed; prices stay editable.
  await expect(tier(1).getByLabel("Name")).toBeDisabled();
  await expect(tier(1).getByLabel("Price (won)")).toBeEnabled();
  await expectNoViolations(page, "organizer-concert-published");

  await page.getByRole("link", { name: "See it as fans do" }).click();
  await expect(page.getByRole("heading", { name: "Encore Night", level: 1 })).toBeVisible();
  await expect(page.getByText("80,000")).toBeVisible();
  await page.goBack();

  // The live dashboard: the line paused and resumed, each with a confirmation.
  await page.getByRole("link", { name: "Live dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Encore Night: live dashboard" })).toBeVisible();
  await expect(page.getByRole("row", { name: /^R / })).toContainText("0 of 20");
  await page.getByRole("button", { name: "Pause admission…" }).click();
  await expect(page.getByRole("button", { name: "Pause now" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Admission is paused")).toBeVisible();
  // The keyboard stays on the button, which now offers the opposite.
  await expect(page.getByRole("button", { name: "Resume admission…" })).toBeFocused();
  await expectNoViolations(page, "organizer-dashboard-paused");
  await page.getByRole("button", { name: "Resume admission…" }).click();
  await page.getByRole("button", { name: "Resume now" }).click();
  await expect(page.getByText("Admission is paused")).toHaveCount(0);
  await page.getByRole("link", { name: "Sales list" }).click();
  await expect(page.getByText("No sales yet.")).toBeVisible();
  await expectNoViolations(page, "organizer-sales-empty");
  await page.getByRole("link", { name: "Live dashboard" }).click();
  await page.getByRole("link", { name: "Concert settings" }).click();

  // Keeping it puts the keyboard back where it was; confirming calls it off.
  await page.getByRole("button", { name: "Cancel this concert…" }).click();
  await page.getByRole("button", { name: "Keep it on sale" }).click();
  await expect(page.getByRole("button", { name: "Cancel this concert…" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Cancel the concert" }).click();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "See it as fans do" }).click();
  await expect(page.getByText("This concert was cancelled by its organizer.")).toBeVisible();
});
