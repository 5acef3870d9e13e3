import { hashSecretToken, newSecretToken } from "../auth/secret-token";
import { db } from "../db";
import { DomainError, NotFoundError } from "../errors";
import type { Identity } from "../auth/identity";
import type { InviteMemberBody, InviteView, MembersView, OrganizationRoleName } from "../schemas/organizer";
import { inTransaction, type Tx } from "../transaction";
import { requireMember, requireRoleAllows, ROLES_THAT, type OrganizerAction } from "./membership";

const INVITE_PREFIX = "spi_";
/** How long an invitation link works. */
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60_000;

const inviteSelect = { id: true, email: true, role: true, createdAt: true, expiresAt: true } as const;
const inviteView = (invite: { id: string; email: string; role: OrganizationRoleName; createdAt: Date; expiresAt: Date }): InviteView => ({
  ...invite,
  createdAt: invite.createdAt.toISOString(),
  expiresAt: invite.expiresAt.toISOString(),
});

/** Members (oldest first) and the invitations still open. Any member may look. */
export async function listMembers(actorId: string, organizationId: string, now = new Date()): Promise<MembersView> {
  await requireMember(actorId, organizationId, "read");
  const [members, invites] = await Promise.all([
    db.organizationMember.findMany({
      where: { organizationId },
      orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    db.organizationInvite.findMany({
      where: { organizationId, acceptedAt: null, expiresAt: { gt: now } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: inviteSelect,
    }),
  ]);
  return {
    members: members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt.toISOString() })),
    invites: invites.map(inviteView),
  };
}

/**
 * Invites someone by email; the answer carries the link's secret, once (no mail is sent:
 * the inviter passes the link on). Owners and managers invite; only owners invite owners.
 */
export async function inviteMember(actorId: string, organizationId: string, input: InviteMemberBody, now = new Date()) {
  const actorRole = await requireMember(actorId, organizationId, "manage");
  if (input.role === "OWNER" && actorRole !== "OWNER") throw new DomainError("ROLE_REQUIRED", "Only an owner can invite another owner.");
  const alreadyMember = await db.organizationMember.count({ where: { organizationId, user: { email: input.email } } });
  if (alreadyMember) {
    throw new DomainError("ALREADY_MEMBER", "Someone with this email is already a member.", [{ field: "email", message: "is already a member" }]);
  }
  const token = newSecretToken(INVITE_PREFIX);
  const invite = await db.organizationInvite.create({
    data: { organizationId, email: input.email, role: input.role, tokenHash: hashSecretToken(token), invitedById: actorId, expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS) },
    select: inviteSelect,
  });
  return { ...inviteView(invite), token, path: `/organizer/invites/${token}` };
}

/**
 * Joins the organization of an invitation made out to the caller's email, with its role.
 * Accepting again (another tab, a retry) changes nothing and answers the same.
 */
export async function acceptInvite(user: Pick<Identity, "id" | "email">, token: string, now = new Date()): Promise<{ organizationId: string; role: OrganizationRoleName }> {
  return inTransaction(async (tx) => {
    const [invite] = await tx.$queryRaw<
      { id: string; organization_id: string; email: string; role: OrganizationRoleName; invited_by_id: string; expires_at: Date; accepted_at: Date | null }[]
    >`
      SELECT id, organization_id, email, role, invited_by_id, expires_at, accepted_at FROM organization_invites
       WHERE token_hash = ${hashSecretToken(token)} FOR UPDATE`;
    if (!invite) throw new NotFoundError("Invitation");
    if (invite.email !== user.email.toLowerCase()) {
      throw new DomainError("INVITE_FOR_ANOTHER_EMAIL", `This invitation is for another email address. Sign in as ${invite.email} to accept it.`);
    }
    await lockMembers(tx, invite.organization_id);
    const member = await roleIn(tx, invite.organization_id, user.id);
    if (member) {
      await closeInvites(tx, invite.organization_id, invite.email, now);
      return { organizationId: invite.organization_id, role: member };
    }
    // An invitation is only as good as its maker's standing now: one made by someone since
    // removed, or no longer allowed to give that role, lapses with it.
    const inviterRole = await roleIn(tx, invite.organization_id, invite.invited_by_id);
    const stillGranted = inviterRole !== null && (ROLES_THAT[invite.role === "OWNER" ? "own" : "manage"] as readonly OrganizationRoleName[]).includes(inviterRole);
    if (invite.accepted_at || invite.expires_at <= now || !stillGranted) {
      throw new DomainError("INVITE_EXPIRED", "This invitation has expired, was used, or is no longer valid. Ask for a new one.");
    }
    await tx.organizationMember.create({ data: { organizationId: invite.organization_id, userId: user.id, role: invite.role } });
    await closeInvites(tx, invite.organization_id, invite.email, now);
    return { organizationId: invite.organization_id, role: invite.role };
  });
}

/** Gives a member another role (owners only); the last owner cannot step down. */
export async function changeMemberRole(actorId: string, organizationId: string, userId: string, role: OrganizationRoleName): Promise<void> {
  await requireMember(actorId, organizationId, "own");
  await inTransaction(async (tx) => {
    await lockMembers(tx, organizationId);
    await requireRoleStill(tx, organizationId, actorId, "own");
    const { count } = await tx.organizationMember.updateMany({ where: { organizationId, userId }, data: { role } });
    if (!count) throw new NotFoundError("Member");
    await requireAnOwner(tx, organizationId);
  });
}

/** Removes a member: owners remove anyone, anyone may leave; the last owner cannot go. */
export async function removeMember(actorId: string, organizationId: string, userId: string): Promise<void> {
  const action = actorId === userId ? "read" : "own";
  await requireMember(actorId, organizationId, action);
  await inTransaction(async (tx) => {
    await lockMembers(tx, organizationId);
    await requireRoleStill(tx, organizationId, actorId, action);
    const removed = await tx.$queryRaw<{ email: string }[]>`
      DELETE FROM organization_members m USING users u
       WHERE m.organization_id = ${organizationId}::uuid AND m.user_id = ${userId}::uuid AND u.id = m.user_id
      RETURNING u.email`;
    if (!removed.length) throw new NotFoundError("Member");
    await requireAnOwner(tx, organizationId);
    // Whoever is removed does not walk back in with another invitation made out to them.
    await closeInvites(tx, organizationId, removed[0]!.email, new Date());
  });
}

// Membership changes of one organization take its row's lock first, one after another:
// two owners demoting each other at once cannot both pass the owner count.
async function lockMembers(tx: Tx, organizationId: string): Promise<void> {
  const locked = await tx.$queryRaw<unknown[]>`SELECT 1 FROM organizations WHERE id = ${organizationId}::uuid FOR NO KEY UPDATE`;
  if (!locked.length) throw new NotFoundError("Organization");
}

async function roleIn(tx: Tx, organizationId: string, userId: string): Promise<OrganizationRoleName | null> {
  const member = await tx.organizationMember.findUnique({ where: { organizationId_userId: { organizationId, userId } }, select: { role: true } });
  return member?.role ?? null;
}

// The caller's role was checked before the lock; under it, a change made meanwhile (they
// were demoted or removed) counts.
async function requireRoleStill(tx: Tx, organizationId: string, actorId: string, action: OrganizerAction): Promise<void> {
  const role = await roleIn(tx, organizationId, actorId);
  if (!role) throw new NotFoundError("Organization");
  requireRoleAllows(role, action);
}

/** Ends every open invitation of the organization made out to this email. */
async function closeInvites(tx: Tx, organizationId: string, email: string, now: Date): Promise<void> {
  await tx.organizationInvite.updateMany({ where: { organizationId, email, acceptedAt: null }, data: { acceptedAt: now } });
}

async function requireAnOwner(tx: Tx, organizationId: string): Promise<void> {
  const owners = await tx.organizationMember.count({ where: { organizationId, role: "OWNER" } });
  if (!owners) throw new DomainError("LAST_OWNER", "An organization needs at least one owner. Make someone else an owner first.");
}
