import { describe, expect, it } from "vitest";
import { POST as FROM_CSV } from "@/app/api/v1/organizer/layouts/csv/route";
import { GET as VENUE, PATCH as UPDATE } from "@/app/api/v1/organizer/venues/[venueId]/route";
import { db } from "@/lib/db";
import { createOrganization } from "@/lib/organizer/organizations";
import { call, createTestUser } from "@/tests/helpers";
import { GET as LIST, POST as CREATE } from "./route";

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

const row = (label: string, seats: number) => ({ label, seats });
const LAYOUT = {
  sections: [
    { name: "Floor", x: 0, y: 0, tier: "R", rows: [row("A", 10), row("B", 12)] },
    { name: "Balcony", x: 0, y: 4, tier: "S", rows: [{ label: "A", seats: 20, skip: [13], accessible: [1], companion: [2] }] },
  ],
};

const create = (user: TestUser, body: unknown) => call(CREATE, { method: "POST", headers: user.auth, body });
const list = (user: TestUser, organizationId: string) => call(LIST, { path: `/?organizationId=${organizationId}`, headers: user.auth });
const venue = (user: TestUser, venueId: string) => call(VENUE, { headers: user.auth, params: { venueId } });
const update = (user: TestUser, venueId: string, body: unknown) => call(UPDATE, { method: "PATCH", headers: user.auth, params: { venueId }, body });

/** An organization of `owner`'s, with `staff` as STAFF. */
async function organizationWithStaff() {
  const [owner, staff] = [await createTestUser("owner"), await createTestUser("staff")];
  const { id } = await createOrganization(owner.id, { name: "Venue Builders" });
  await db.organizationMember.create({ data: { organizationId: id, userId: staff.id, role: "STAFF" } });
  return { owner, staff, organizationId: id };
}

describe("venues", () => {
  it("are created with a validated layout, listed and read by members, and changed by owners and managers only", async () => {
    const { owner, staff, organizationId } = await organizationWithStaff();
    const made = await create(owner, { organizationId, name: "Loopback Hall", layout: LAYOUT });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ organizationId, name: "Loopback Hall", layoutVersion: 1, seatCount: 42 });
    expect(made.body.layout.sections[1].rows[0]).toMatchObject({ label: "A", seats: 20, skip: [13], accessible: [1], numbering: "LEFT_TO_RIGHT" });
    expect((await venue(staff, made.body.id)).body).toEqual(made.body);
    expect((await list(staff, organizationId)).body.items).toEqual([{ id: made.body.id, organizationId, name: "Loopback Hall", layoutVersion: 1, seatCount: 42, createdAt: made.body.createdAt }]);

    const byStaff = await create(staff, { organizationId, name: "Staff Hall", layout: LAYOUT });
    expect(byStaff.status).toBe(403);
    expect(byStaff.body.code).toBe("ROLE_REQUIRED");
    expect((await update(staff, made.body.id, { name: "Renamed" })).body.code).toBe("ROLE_REQUIRED");
  });

  it("refuse a bad layout naming the field, and write nothing", async () => {
    const { owner, organizationId } = await organizationWithStaff();
    const overlapping = { sections: [LAYOUT.sections[0], { ...LAYOUT.sections[1], y: 1 }] };
    const refused = await create(owner, { organizationId, name: "Overlap Hall", layout: overlapping });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: "layout.sections.1.x", message: "places this section over section Floor" }]);
    expect(await db.venue.count({ where: { organizationId } })).toBe(0);
  });

  it("keep every layout version; an edit made from an old version is refused", async () => {
    const { owner, organizationId } = await organizationWithStaff();
    const made = await create(owner, { organizationId, name: "Versioned Hall", layout: LAYOUT });
    const bigger = { sections: [...LAYOUT.sections, { name: "Gallery", x: 30, y: 0, rows: [row("A", 8)] }] };
    const saved = await update(owner, made.body.id, { layout: bigger, layoutVersion: 1 });
    expect(saved.body).toMatchObject({ layoutVersion: 2, seatCount: 50 });
    const stale = await update(owner, made.body.id, { layout: LAYOUT, layoutVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("LAYOUT_VERSION_CONFLICT");
    expect((await update(owner, made.body.id, { layout: LAYOUT })).body.errors).toEqual([{ field: "layoutVersion", message: "is required with a layout" }]);
    expect((await update(owner, made.body.id, { name: "Renamed Hall" })).body).toMatchObject({ name: "Renamed Hall", layoutVersion: 2 });
    const versions = await db.venueLayout.findMany({ where: { venueId: made.body.id }, orderBy: { version: "asc" }, select: { version: true, seatCount: true } });
    expect(versions).toEqual([{ version: 1, seatCount: 42 }, { version: 2, seatCount: 50 }]);
  });

  it("let exactly one of 8 racing edits from the same version through", async () => {
    const { owner, organizationId } = await organizationWithStaff();
    const made = await create(owner, { organizationId, name: "Race Hall", layout: LAYOUT });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => update(owner, made.body.id, { layout: { sections: [{ name: `Only ${i}`, x: 0, y: 0, rows: [row("A", i + 1)] }] }, layoutVersion: 1 })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409 && a.body.code === "LAYOUT_VERSION_CONFLICT")).toHaveLength(7);
    expect(await db.venueLayout.count({ where: { venueId: made.body.id } })).toBe(2);
  });

  it("take a 100,000-seat arena, whose layout is far past the usual body limit, and refuse one seat more", async () => {
    const { owner, organizationId } = await organizationWithStaff();
    // 50 blocks of 10 rows of 200 seats, each row with its first 30 seats blocked.
    const blocked = Array.from({ length: 30 }, (_, i) => i + 1);
    const sections = Array.from({ length: 50 }, (_, s) => ({
      name: `Block ${s + 1}`,
      x: (s % 10) * 210,
      y: Math.floor(s / 10) * 12,
      rows: Array.from({ length: 10 }, (_, r) => ({ label: String.fromCharCode(65 + r), seats: 200, blocked })),
    }));
    expect(JSON.stringify(sections).length).toBeGreaterThan(16 * 1024);
    const arena = await create(owner, { organizationId, name: "Big Arena", layout: { sections } });
    expect(arena.status).toBe(201);
    expect(arena.body.seatCount).toBe(100_000);
    sections[0]!.rows[0]!.seats = 201;
    const over = await create(owner, { organizationId, name: "Bigger Arena", layout: { sections } });
    expect(over.body.errors).toEqual([{ field: "layout.sections", message: "hold 100001 seats; a venue holds at most 100000" }]);
  });

  it("are made from a seat list: the CSV becomes a layout that saves like any other; a fan cannot use it", async () => {
    const { owner, organizationId } = await organizationWithStaff();
    const csv = ["section,row,seat,tier", "Floor,A,1,R", "Floor,A,2,R", "Floor,A,4,R", "Balcony,A,1,S"].join("\n");
    const converted = await call(FROM_CSV, { method: "POST", headers: owner.auth, body: { csv } });
    expect(converted.body).toMatchObject({ seatCount: 4, layout: { sections: [{ name: "Floor", rows: [{ label: "A", seats: 3, skip: [3] }] }, { name: "Balcony" }] } });
    expect((await create(owner, { organizationId, name: "From a list", layout: converted.body.layout })).body.seatCount).toBe(4);
    const bad = await call(FROM_CSV, { method: "POST", headers: owner.auth, body: { csv: "section,row,seat,tier\nFloor,A,x," } });
    expect(bad.body.errors).toEqual([{ field: "csv", message: "line 2: seat must be a whole number from 1 to 2000" }]);
    const fan = await createTestUser("fan");
    expect((await call(FROM_CSV, { method: "POST", headers: fan.auth, body: { csv } })).body.code).toBe("ORGANIZER_REQUIRED");
  });

  it("answer a fan 403 and a member of another organization 404", async () => {
    const { owner, organizationId } = await organizationWithStaff();
    const [fan, outsider] = [await createTestUser("fan"), await createTestUser("outsider")];
    await createOrganization(outsider.id, { name: "Elsewhere" });
    const made = await create(owner, { organizationId, name: "Private Hall", layout: LAYOUT });
    for (const response of [await venue(fan, made.body.id), await list(fan, organizationId), await venue(fan, "00000000-0000-4000-8000-000000000000")]) {
      expect(response.body.code).toBe("ORGANIZER_REQUIRED");
    }
    for (const response of [await venue(outsider, made.body.id), await update(outsider, made.body.id, { name: "Mine" }), await create(outsider, { organizationId, name: "X", layout: LAYOUT })]) {
      expect(response.status).toBe(404);
    }
  });
});
