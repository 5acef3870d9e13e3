import { z } from "zod";
import { venueLayout } from "../organizer/venue-layout";
import { idParam } from "./ids";
import { text } from "./text";
import { email } from "./users";

export const ORGANIZATION_ROLES = ["OWNER", "MANAGER", "STAFF"] as const;
export const organizationRole = z.enum(ORGANIZATION_ROLES);
export type OrganizationRoleName = z.infer<typeof organizationRole>;

export const createOrganizationBody = z.object({
  name: text().trim().min(1, "is required").max(80, "must be at most 80 characters"),
});
export type CreateOrganizationBody = z.infer<typeof createOrganizationBody>;

export const organizationParams = z.object({ orgId: idParam("must be an organization id") });
export const memberParams = organizationParams.extend({ userId: idParam("must be a user id") });

export const organizationView = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Your role in it. */
  role: organizationRole,
  createdAt: z.iso.datetime(),
});
export type OrganizationView = z.infer<typeof organizationView>;

export const memberView = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: organizationRole,
  joinedAt: z.iso.datetime(),
});
export type MemberView = z.infer<typeof memberView>;

export const inviteView = z.object({
  id: z.uuid(),
  email: z.string(),
  role: organizationRole,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type InviteView = z.infer<typeof inviteView>;

export const membersView = z.object({
  members: z.array(memberView),
  /** Invitations not yet accepted and not expired (their links are shown only when made). */
  invites: z.array(inviteView),
});
export type MembersView = z.infer<typeof membersView>;

export const inviteMemberBody = z.object({
  email,
  role: organizationRole,
});
export type InviteMemberBody = z.infer<typeof inviteMemberBody>;

/** Only answer to an invitation carries its secret, in the link to send. */
export const createdInviteView = inviteView.extend({
  token: z.string(),
  /** The page that accepts it, relative to this site: /organizer/invites/{token}. */
  path: z.string(),
});

export const changeRoleBody = z.object({ role: organizationRole });

export const acceptInviteBody = z.object({ token: text().min(1, "is required").max(200, "is not an invitation") });

const venueName = text().trim().min(1, "is required").max(80, "must be at most 80 characters");

export const createVenueBody = z.object({ organizationId: idParam("must be an organization id"), name: venueName, layout: venueLayout });
export type CreateVenueBody = z.infer<typeof createVenueBody>;

export const updateVenueBody = z
  .object({
    name: venueName.optional(),
    layout: venueLayout.optional(),
    /** The version the new layout was made from: an edit on top of someone else's is refused (409). */
    layoutVersion: z.int().min(1).optional(),
  })
  .refine((body) => !body.layout || body.layoutVersion !== undefined, { path: ["layoutVersion"], message: "is required with a layout" });
export type UpdateVenueBody = z.infer<typeof updateVenueBody>;

export const venueParams = z.object({ venueId: idParam("must be a venue id") });
export const venuesQuery = z.object({ organizationId: idParam("must be an organization id") });

export const venueView = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  layoutVersion: z.int(),
  seatCount: z.int(),
  createdAt: z.iso.datetime(),
});
export type VenueView = z.infer<typeof venueView>;

/** A venue with its newest layout. */
export const venueWithLayoutView = venueView.extend({ layout: venueLayout });

export const layoutCsvBody = z.object({ csv: z.string().max(4 * 1024 * 1024) });
export const layoutFromCsvView = z.object({ layout: venueLayout, seatCount: z.int() });
