// GET /api/v1/organizer/organizations/{orgId} – one of your organizations
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { getOrganization } from "@/lib/organizer/organizations";
import { organizationParams, organizationView } from "@/lib/schemas/organizer";

export const GET = route(
  {
    auth: "user",
    scope: "organizer",
    params: organizationParams,
    doc: {
      summary: "One of your organizations",
      tag: "Organizer",
      responses: { 200: { description: "The organization and your role in it", schema: organizationView } },
      errors: ["ORGANIZER_REQUIRED", "NOT_FOUND"],
    },
  },
  async ({ user, params }) => json(await getOrganization(user.id, params.orgId), 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
