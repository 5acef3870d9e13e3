// POST /api/v1/organizer/organizations – create an organization (you become its OWNER)
// GET  /api/v1/organizer/organizations – the organizations you belong to, with your role
import { otherMethods } from "@/lib/http/method-not-allowed";
import { created, json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { createOrganization, listMyOrganizations } from "@/lib/organizer/organizations";
import { createOrganizationBody, organizationView } from "@/lib/schemas/organizer";
import { z } from "zod";

export const POST = route(
  {
    auth: "user",
    scope: "organizer",
    body: createOrganizationBody,
    doc: {
      summary: "Create an organization",
      description: "Any signed-in account may; it becomes the organization's OWNER.",
      tag: "Organizer",
      responses: { 201: { description: "The organization", schema: organizationView } },
    },
  },
  async ({ user, body }) => created(await createOrganization(user.id, body)),
);

export const GET = route(
  {
    auth: "user",
    scope: "organizer",
    doc: {
      summary: "Your organizations",
      description: "Empty for an account that belongs to none.",
      tag: "Organizer",
      responses: { 200: { description: "Your organizations and your role in each", schema: z.object({ items: z.array(organizationView) }) } },
    },
  },
  async ({ user }) => json({ items: await listMyOrganizations(user.id) }, 200, { "cache-control": "no-store" }),
);

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
