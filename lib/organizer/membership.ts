import { pool } from "../db";
import { DomainError, NotFoundError } from "../errors";
import type { OrganizationRoleName } from "../schemas/organizer";
import { queryRows, sql } from "../sql";

/** Who may do what in an organization: the roles allowed each kind of action. */
export const ROLES_THAT = {
  read: ["OWNER", "MANAGER", "STAFF"],
  manage: ["OWNER", "MANAGER"],
  own: ["OWNER"],
} as const satisfies Record<string, readonly OrganizationRoleName[]>;

export type OrganizerAction = keyof typeof ROLES_THAT;

/**
 * The caller's role in the organization, when it allows `action`. A fan (member of no
 * organization) gets 403 ORGANIZER_REQUIRED; a member of other organizations gets 404, so
 * nobody learns which organizations exist; a member whose role does not allow it, 403.
 * `null` is the organization of something that does not exist: 404, or 403 for a fan.
 */
export async function requireMember(userId: string, organizationId: string | null, action: OrganizerAction): Promise<OrganizationRoleName> {
  const [found] = await queryRows<{ role: OrganizationRoleName | null; organizer: boolean }>(
    pool(),
    sql`SELECT (SELECT role::text FROM organization_members WHERE organization_id = ${organizationId}::uuid AND user_id = ${userId}::uuid) AS role,
               EXISTS (SELECT 1 FROM organization_members WHERE user_id = ${userId}::uuid) AS organizer`,
  );
  if (!found!.role) {
    if (!found!.organizer) throw organizerRequired();
    throw new NotFoundError("Organization");
  }
  requireRoleAllows(found!.role, action);
  return found!.role;
}

/** 403 ROLE_REQUIRED unless the role may do `action`. */
export function requireRoleAllows(role: OrganizationRoleName, action: OrganizerAction): void {
  if (!(ROLES_THAT[action] as readonly string[]).includes(role)) {
    throw new DomainError("ROLE_REQUIRED", `Your role (${role}) cannot do this; it needs ${ROLES_THAT[action].join(" or ")}.`);
  }
}

/** 403 ORGANIZER_REQUIRED unless the user belongs to some organization (for the console's tools that belong to none). */
export async function requireOrganizer(userId: string): Promise<void> {
  const [found] = await queryRows<{ organizer: boolean }>(pool(), sql`SELECT EXISTS (SELECT 1 FROM organization_members WHERE user_id = ${userId}::uuid) AS organizer`);
  if (!found!.organizer) throw organizerRequired();
}

const organizerRequired = () =>
  new DomainError("ORGANIZER_REQUIRED", "Only members of an organization can use the organizer console. Create an organization, or ask to be invited to one.");
