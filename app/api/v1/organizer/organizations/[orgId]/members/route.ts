// GET  /api/v1/organizer/organizations/{orgId}/members – members and open invitations (any member)
// POST /api/v1/organizer/organizations/{orgId}/members – invite someone by email (owners and managers)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { created, json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { inviteMember, listMembers } from "@/lib/organizer/members";
import { createdInviteView, inviteMemberBody, membersView, organizationParams } from "@/lib/schemas/organizer";

export const GET = route(
  {
    auth: "user",
    scope: "organizer",
    params: organizationParams,
    doc: {
      summary: "Members and open invitations",
      tag: "Organizer",
      responses: { 200: { description: "Members, oldest first, and invitations not yet accepted", schema: membersView } },
      errors: ["ORGANIZER_REQUIRED", "NOT_FOUND"],
    },
  },
  async ({ user, params }) => json(await listMembers(user.id, params.orgId), 200, { "cache-control": "no-store" }),
);

export const POST = route(
  {
    auth: "user",
    scope: "organizer",
    params: organizationParams,
    body: inviteMemberBody,
    doc: {
      summary: "Invite someone by email",
      description:
        "Owners and managers invite; only owners invite owners. No mail is sent: pass on the link (`path`), which works for 7 days, once, for whoever signs in with that email. Its secret is shown only here.",
      tag: "Organizer",
      responses: { 201: { description: "The invitation, with its link", schema: createdInviteView } },
      errors: ["ORGANIZER_REQUIRED", "ROLE_REQUIRED", "NOT_FOUND", "ALREADY_MEMBER"],
    },
  },
  async ({ user, params, body }) => created(await inviteMember(user.id, params.orgId, body)),
);

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
