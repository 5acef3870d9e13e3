import { db } from "../db";
import type { CreateOrganizationBody, OrganizationRoleName, OrganizationView } from "../schemas/organizer";
import { inTransaction } from "../transaction";
import { requireMember } from "./membership";

const view = (organization: { id: string; name: string; createdAt: Date }, role: OrganizationRoleName): OrganizationView => ({
  id: organization.id,
  name: organization.name,
  role,
  createdAt: organization.createdAt.toISOString(),
});

/** A new organization, with its maker as OWNER. */
export async function createOrganization(userId: string, input: CreateOrganizationBody): Promise<OrganizationView> {
  const organization = await inTransaction(async (tx) => {
    const made = await tx.organization.create({ data: { name: input.name }, select: { id: true, name: true, createdAt: true } });
    await tx.organizationMember.create({ data: { organizationId: made.id, userId, role: "OWNER" } });
    return made;
  });
  return view(organization, "OWNER");
}

/** The organizations the user belongs to, oldest membership first. */
export async function listMyOrganizations(userId: string): Promise<OrganizationView[]> {
  const memberships = await db.organizationMember.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { organizationId: "asc" }],
    select: { role: true, organization: { select: { id: true, name: true, createdAt: true } } },
  });
  return memberships.map((m) => view(m.organization, m.role));
}

/** One organization the user belongs to (any role). */
export async function getOrganization(userId: string, organizationId: string): Promise<OrganizationView> {
  const role = await requireMember(userId, organizationId, "read");
  const organization = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, name: true, createdAt: true } });
  return view(organization, role);
}
