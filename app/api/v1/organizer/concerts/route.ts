// POST /api/v1/organizer/concerts – a new draft concert at one of the organization's venues (owners and managers)
// GET  /api/v1/organizer/concerts?organizationId= – an organization's concerts (any member)
import { z } from "zod";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { created, json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { createConcert, listConcerts } from "@/lib/organizer/concerts";
import { concertsQuery, createConcertBody, organizerConcertSummary, organizerConcertView } from "@/lib/schemas/organizer-concerts";

export const POST = route(
  {
    auth: "user",
    scope: "organizer",
    body: createConcertBody,
    doc: {
      summary: "Create a concert (a draft)",
      description:
        "A draft is not in the catalogue. Give it price tiers (name, price, colour) and say which tier each section, or one row (`Section/Row`), sells as in `tierAssignments`; seats named nowhere take the tier the venue's layout gives them. Add dates, then publish. The answer lists what publishing would still refuse over (`publishProblems`).",
      tag: "Organizer",
      responses: { 201: { description: "The draft", schema: organizerConcertView } },
      errors: ["ORGANIZER_REQUIRED", "ROLE_REQUIRED", "NOT_FOUND"],
    },
  },
  async ({ user, body }) => created(await createConcert(user.id, body)),
);

export const GET = route(
  {
    auth: "user",
    scope: "organizer",
    query: concertsQuery,
    doc: {
      summary: "An organization's concerts",
      tag: "Organizer",
      responses: { 200: { description: "Concerts, newest first, in every state", schema: z.object({ items: z.array(organizerConcertSummary) }) } },
      errors: ["ORGANIZER_REQUIRED", "NOT_FOUND"],
    },
  },
  async ({ user, query }) => json({ items: await listConcerts(user.id, query.organizationId) }, 200, { "cache-control": "no-store" }),
);

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
