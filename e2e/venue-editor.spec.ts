import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations, signUpAndSignIn } from "./support";

async function newOrganization(page: Page, name: string) {
  await signUpAndSignIn(page, `${name} Owner`);
  await page.goto("/organizer");
  await page.getByLabel("Organization name").fill(name);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

/** Adds a section through the editor's form: what an organizer types and clicks. */
async function addSection(page: Page, name: string, rows: number, seats: number) {
  const form = page.getByRole("form", { name: "Add a section" });
  await form.getByLabel("Section name").fill(name);
  await form.getByLabel("Rows").fill(String(rows));
  await form.getByLabel("Seats per row").fill(String(seats));
  await form.getByRole("button", { name: "Add section" }).click();
}

const sectionOnPlan = (page: Page, name: string) => page.getByRole("button", { name: new RegExp(`^Section ${name}, at`) });

test("an organizer builds a 2,000-seat venue on the plan: sections, dragging, undo and redo, keyboard moves, curves and marked seats", async ({ page }) => {
  await newOrganization(page, "Plan Makers");
  await page.getByRole("link", { name: "Design a venue on a plan" }).click();
  await expect(page.getByRole("heading", { name: "Design a venue", level: 1 })).toBeVisible();
  const started = Date.now();
  await page.getByLabel("Venue name").fill("Editor Arena");
  await addSection(page, "Floor", 20, 50);
  await addSection(page, "Balcony", 20, 50);
  await expect(page.getByRole("status").filter({ hasText: "2,000 seats in 2 sections" })).toBeVisible();

  // Drag the balcony 10 seats right; undo puts it back, redo moves it again.
  const balcony = sectionOnPlan(page, "Balcony");
  await expect(balcony).toHaveAccessibleName("Section Balcony, at 0, 22");
  await balcony.scrollIntoViewIfNeeded();
  const box = (await balcony.boundingBox())!;
  const seatWidth = box.width / 50;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 5 * seatWidth, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2 + 10 * seatWidth, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(balcony).toHaveAccessibleName(/^Section Balcony, at (9|10|11), 22$/);
  const moved = await balcony.getAttribute("aria-label");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(balcony).toHaveAccessibleName("Section Balcony, at 0, 22");
  await page.keyboard.press("Control+y");
  await expect(balcony).toHaveAccessibleName(moved!);

  // The keyboard moves a focused section; Enter picks it for editing.
  const floor = sectionOnPlan(page, "Floor");
  await floor.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  await expect(floor).toHaveAccessibleName("Section Floor, at 6, 0");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Section Floor" })).toBeVisible();

  // Curve the floor's rows, and mark seats of row A.
  await page.getByLabel(/^Curve of the rows/).fill("0.5");
  await page.getByLabel("Accessible seats of row A").fill("1, 2");
  await page.getByLabel("Companion seats of row A").fill("3");
  await page.getByLabel("Blocked seats of row A").fill("24-25");
  await page.getByLabel("Aisle after seats of row A").fill("25");
  await page.getByLabel("Aisle after seats of row A").press("Tab");
  await expect(page.getByRole("img", { name: "Fan's view of section Floor: 1000 seats" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Problems to fix before saving" })).toHaveCount(0);
  await expectNoViolations(page, "venue-editor");

  await page.getByRole("button", { name: "Save layout" }).click();
  await expect(page.getByRole("heading", { name: "Editor Arena", level: 1 })).toBeVisible();
  await expect(page.getByText("2,000 seats · layout version 1")).toBeVisible();
  console.log(`Built and saved a 2,000-seat venue through the editor in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // A later edit is a new version; an overlap is refused before saving.
  await page.getByRole("link", { name: "Edit the layout" }).click();
  await sectionOnPlan(page, "Balcony").focus();
  for (const key of ["Shift+ArrowUp", "Shift+ArrowUp", "Shift+ArrowUp", "Shift+ArrowUp", "ArrowUp"]) await page.keyboard.press(key);
  await expect(page.getByRole("list", { name: "Problems to fix before saving" })).toContainText("places this section over section Floor");
  await expect(page.getByRole("button", { name: "Save layout" })).toBeDisabled();
  // Each key press was one step: five undos put it back.
  for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("list", { name: "Problems to fix before saving" })).toHaveCount(0);
  await page.getByRole("button", { name: "Save layout" }).click();
  await expect(page.getByText("2,000 seats · layout version 2")).toBeVisible();
});

test("a 20,000-seat arena is built through the editor, timed", async ({ page }) => {
  test.setTimeout(180_000);
  await newOrganization(page, "Arena Builders");
  await page.getByRole("link", { name: "Design a venue on a plan" }).click();
  await expect(page.getByRole("heading", { name: "Design a venue", level: 1 })).toBeVisible();
  const started = Date.now();
  await page.getByLabel("Venue name").fill("Timed Arena");
  // Ten sections of 40 rows by 50 seats, as an organizer would type them.
  for (let i = 1; i <= 10; i++) await addSection(page, `${100 + i}`, 40, 50);
  await expect(page.getByRole("status").filter({ hasText: "20,000 seats in 10 sections" })).toBeVisible();
  await page.getByRole("button", { name: "Save layout" }).click();
  await expect(page.getByText("20,000 seats · layout version 1")).toBeVisible();
  // Per section: a name, two numbers and a click; then the name and the save.
  const actions = 10 * 4 + 2;
  console.log(`Built and saved a 20,000-seat arena through the editor in ${((Date.now() - started) / 1000).toFixed(1)} s with ${actions} user actions`);
});
