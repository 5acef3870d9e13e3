// PATCH  /api/v1/organizer/organizations/{orgId}/members/{userId} – change a member's role (owners)
// DELETE /api/v1/organizer/organizations/{orgId}/members/{userId} – remove a member (owners), or leave (yourself)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { changeMemberRole, removeMember } from "@/lib/organizer/members";
import { changeRoleBody, memberParams } from "@/lib/schemas/organizer";

export const PATCH = route(
  {
    auth: "user",
    scope: "organizer",
    params: memberParams,
    body: changeRoleBody,
    doc: {
      summary: "Change a member's role",
      description: "Owners only. The last owner cannot step down (409 LAST_OWNER).",
      tag: "Organizer",
      responses: { 204: { description: "Changed", schema: null } },
      errors: ["ORGANIZER_REQUIRED", "ROLE_REQUIRED", "NOT_FOUND", "LAST_OWNER"],
    },
  },
  async ({ user, params, body }) => {
    await changeMemberRole(user.id, params.orgId, params.userId, body.role);
    return noContent();
  },
);

export const DELETE = route(
  {
    auth: "user",
    scope: "organizer",
    params: memberParams,
    doc: {
      summary: "Remove a member, or leave",
      description: "Owners remove anyone; any member may remove themselves. The last owner cannot go (409 LAST_OWNER).",
      tag: "Organizer",
      responses: { 204: { description: "Removed", schema: null } },
      errors: ["ORGANIZER_REQUIRED", "ROLE_REQUIRED", "NOT_FOUND", "LAST_OWNER"],
    },
  },
  async ({ user, params }) => {
    await removeMember(user.id, params.orgId, params.userId);
    return noContent();
  },
);

export const { GET, POST, PUT } = otherMethods({ PATCH, DELETE });
