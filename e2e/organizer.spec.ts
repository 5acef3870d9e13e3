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
