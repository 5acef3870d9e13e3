// POST /api/v1/organizer/invites/accept – join an organization with an invitation made out to your email
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { acceptInvite } from "@/lib/organizer/members";
import { acceptInviteBody, organizationRole } from "@/lib/schemas/organizer";
import { z } from "zod";

export const POST = route(
  {
    auth: "user",
    scope: "organizer",
    body: acceptInviteBody,
    doc: {
      summary: "Accept an invitation",
      description: "The token is the last part of the invitation link. Accepting again answers the same.",
      tag: "Organizer",
      responses: { 200: { description: "You are a member", schema: z.object({ organizationId: z.uuid(), role: organizationRole }) } },
      errors: ["NOT_FOUND", "INVITE_EXPIRED", "INVITE_FOR_ANOTHER_EMAIL"],
    },
  },
  async ({ user, body }) => json(await acceptInvite(user, body.token), 200, { "cache-control": "no-store" }),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
