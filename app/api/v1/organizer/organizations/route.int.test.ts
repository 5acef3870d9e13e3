import { describe, expect, it } from "vitest";
import { POST as ACCEPT } from "@/app/api/v1/organizer/invites/accept/route";
import { DELETE as REMOVE, PATCH as CHANGE_ROLE } from "@/app/api/v1/organizer/organizations/[orgId]/members/[userId]/route";
import { GET as MEMBERS, POST as INVITE } from "@/app/api/v1/organizer/organizations/[orgId]/members/route";
import { GET as ORGANIZATION } from "@/app/api/v1/organizer/organizations/[orgId]/route";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { db } from "@/lib/db";
import { createAccessTokenBody } from "@/lib/schemas/access-tokens";
import { call, createTestUser } from "@/tests/helpers";
import { GET as LIST, POST as CREATE } from "./route";

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

const create = (user: TestUser, name: unknown) => call(CREATE, { method: "POST", headers: user.auth, body: { name } });
const organization = (user: TestUser, orgId: string) => call(ORGANIZATION, { headers: user.auth, params: { orgId } });
const members = (user: TestUser, orgId: string) => call(MEMBERS, { headers: user.auth, params: { orgId } });
const invite = (user: TestUser, orgId: string, body: unknown) => call(INVITE, { method: "POST", headers: user.auth, params: { orgId }, body });
const accept = (user: TestUser, token: string) => call(ACCEPT, { method: "POST", headers: user.auth, body: { token } });
const changeRole = (user: TestUser, orgId: string, userId: string, role: string) =>
  call(CHANGE_ROLE, { method: "PATCH", headers: user.auth, params: { orgId, userId }, body: { role } });
const remove = (user: TestUser, orgId: string, userId: string) => call(REMOVE, { method: "DELETE", headers: user.auth, params: { orgId, userId } });

async function organizationOf(owner: TestUser, name = "Night Owl Concerts") {
  const made = await create(owner, name);
  expect(made.status).toBe(201);
  return made.body.id as string;
}

/** Invites `user` with `role` and has them accept: a member. */
async function join(owner: TestUser, orgId: string, user: TestUser, role: string) {
  const sent = await invite(owner, orgId, { email: user.email, role });
  expect(sent.status).toBe(201);
  expect((await accept(user, sent.body.token)).status).toBe(200);
}

describe("organizations", () => {
  it("are created by any account, which becomes OWNER; the list shows your own, and nothing for a fan", async () => {
    const [owner, fan] = [await createTestUser("owner"), await createTestUser("fan")];
    const made = await create(owner, "  Night Owl Concerts ");
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: "Night Owl Concerts", role: "OWNER" });
    expect((await call(LIST, { headers: owner.auth })).body.items).toEqual([made.body]);
    expect((await call(LIST, { headers: fan.auth })).body.items).toEqual([]);
    expect((await organization(owner, made.body.id)).body).toEqual(made.body);

    const blank = await create(owner, " ");
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([{ field: "name", message: "is required" }]);
    expect((await create(owner, "x".repeat(81))).body.errors[0].field).toBe("name");
  });

  it("refuse a fan with 403, hide themselves from other organizations' members (404), and need the organizer scope", async () => {
    const [owner, fan, outsider] = [await createTestUser("owner"), await createTestUser("fan"), await createTestUser("other-org")];
    const orgId = await organizationOf(owner);
    await organizationOf(outsider, "Someone Else Live");

    for (const response of [await organization(fan, orgId), await members(fan, orgId), await invite(fan, orgId, { email: fan.email, role: "STAFF" })]) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe("ORGANIZER_REQUIRED");
    }
    for (const response of [await organization(outsider, orgId), await members(outsider, orgId), await remove(outsider, orgId, owner.id)]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe("NOT_FOUND");
    }
    expect((await organization(owner, "00000000-0000-4000-8000-000000000000")).status).toBe(404);

    // A token made with the default (fan) scopes cannot reach the console.
    const { token } = await createAccessToken(owner.id, createAccessTokenBody.parse({ name: "fan things" }));
    const scoped = await call(ORGANIZATION, { headers: { authorization: `Bearer ${token}` }, params: { orgId } });
    expect(scoped.status).toBe(403);
    expect(scoped.body.code).toBe("INSUFFICIENT_SCOPE");
  });

  it("let staff read members but not invite, managers invite but not owners, and only owners change roles", async () => {
    const [owner, manager, staff, newcomer] = [await createTestUser("owner"), await createTestUser("manager"), await createTestUser("staff"), await createTestUser("new")];
    const orgId = await organizationOf(owner);
    await join(owner, orgId, manager, "MANAGER");
    await join(manager, orgId, staff, "STAFF");

    const listed = await members(staff, orgId);
    expect(listed.status).toBe(200);
    expect(listed.body.members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [owner.email, "OWNER"],
      [manager.email, "MANAGER"],
      [staff.email, "STAFF"],
    ]);

    const byStaff = await invite(staff, orgId, { email: newcomer.email, role: "STAFF" });
    expect(byStaff.status).toBe(403);
    expect(byStaff.body.code).toBe("ROLE_REQUIRED");
    expect((await invite(manager, orgId, { email: newcomer.email, role: "OWNER" })).body.code).toBe("ROLE_REQUIRED");
    expect((await changeRole(manager, orgId, staff.id, "MANAGER")).body.code).toBe("ROLE_REQUIRED");
    expect((await remove(manager, orgId, staff.id)).body.code).toBe("ROLE_REQUIRED");

    expect((await changeRole(owner, orgId, staff.id, "MANAGER")).status).toBe(204);
    expect((await organization(staff, orgId)).body.role).toBe("MANAGER");
    // Anyone may leave.
    expect((await remove(staff, orgId, staff.id)).status).toBe(204);
    expect((await organization(staff, orgId)).status).toBe(403);
  });

  it("are joined by invitation: only by its email, once, within its lifetime; a member is not invited twice", async () => {
    const [owner, invitee, stranger] = [await createTestUser("owner"), await createTestUser("invitee"), await createTestUser("stranger")];
    const orgId = await organizationOf(owner);
    const sent = await invite(owner, orgId, { email: invitee.email.toUpperCase(), role: "MANAGER" });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ email: invitee.email, role: "MANAGER", path: `/organizer/invites/${sent.body.token}` });
    expect(sent.body.token).toMatch(/^spi_/);
    expect((await members(owner, orgId)).body.invites).toEqual([{ id: sent.body.id, email: invitee.email, role: "MANAGER", createdAt: sent.body.createdAt, expiresAt: sent.body.expiresAt }]);

    const wrongPerson = await accept(stranger, sent.body.token);
    expect(wrongPerson.status).toBe(403);
    expect(wrongPerson.body.code).toBe("INVITE_FOR_ANOTHER_EMAIL");
    expect((await accept(invitee, "spi_not-a-real-one")).status).toBe(404);

    const accepted = await accept(invitee, sent.body.token);
    expect(accepted.body).toEqual({ organizationId: orgId, role: "MANAGER" });
    expect((await accept(invitee, sent.body.token)).body).toEqual(accepted.body);
    expect((await members(owner, orgId)).body.invites).toEqual([]);
    const again = await invite(owner, orgId, { email: invitee.email, role: "STAFF" });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("ALREADY_MEMBER");

    const late = await invite(owner, orgId, { email: stranger.email, role: "STAFF" });
    await db.organizationInvite.update({ where: { id: late.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await accept(stranger, late.body.token);
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe("INVITE_EXPIRED");
  });

  it("let an invitation lapse with its maker's standing, and not let a removed member back in with another", async () => {
    const [owner, manager, alias, twice] = [await createTestUser("owner"), await createTestUser("manager"), await createTestUser("alias"), await createTestUser("twice")];
    const orgId = await organizationOf(owner);
    await join(owner, orgId, manager, "MANAGER");
    // A manager invites a second address of theirs, then is removed.
    const fromManager = await invite(manager, orgId, { email: alias.email, role: "MANAGER" });
    expect((await remove(owner, orgId, manager.id)).status).toBe(204);
    const lapsed = await accept(alias, fromManager.body.token);
    expect(lapsed.status).toBe(410);
    expect(lapsed.body.code).toBe("INVITE_EXPIRED");

    // Two invitations for one address: the second does not undo a removal.
    const [first, second] = [await invite(owner, orgId, { email: twice.email, role: "STAFF" }), await invite(owner, orgId, { email: twice.email, role: "STAFF" })];
    expect((await accept(twice, first.body.token)).status).toBe(200);
    expect((await remove(owner, orgId, twice.id)).status).toBe(204);
    expect((await accept(twice, second.body.token)).body.code).toBe("INVITE_EXPIRED");
  });

  it("make one membership of 10 racing acceptances of one invitation", async () => {
    const [owner, invitee] = [await createTestUser("owner"), await createTestUser("invitee")];
    const orgId = await organizationOf(owner);
    const sent = await invite(owner, orgId, { email: invitee.email, role: "STAFF" });
    const answers = await Promise.all(Array.from({ length: 10 }, () => accept(invitee, sent.body.token)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(await db.organizationMember.count({ where: { organizationId: orgId, userId: invitee.id } })).toBe(1);
  });

  it("always keep an owner, however the owners race to step down or remove each other", async () => {
    for (let round = 0; round < 5; round++) {
      const [first, second] = [await createTestUser("owner-a"), await createTestUser("owner-b")];
      const orgId = await organizationOf(first);
      await join(first, orgId, second, "OWNER");
      const answers = await Promise.all(
        round % 2 === 0
          ? [changeRole(first, orgId, first.id, "MANAGER"), changeRole(second, orgId, second.id, "STAFF"), remove(first, orgId, second.id), remove(second, orgId, first.id)]
          : [remove(first, orgId, first.id), remove(second, orgId, second.id)],
      );
      // Refused ones are refused cleanly: the last owner (409), or a role already lost (403) or a membership gone (404).
      expect(answers.filter((a) => ![204, 403, 404, 409].includes(a.status)).map((a) => a.body)).toEqual([]);
      expect(await db.organizationMember.count({ where: { organizationId: orgId, role: "OWNER" } })).toBeGreaterThanOrEqual(1);
    }
  });
});
