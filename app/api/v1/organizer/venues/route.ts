// POST /api/v1/organizer/venues – a new venue with its seat layout (owners and managers)
// GET  /api/v1/organizer/venues?organizationId= – an organization's venues (any member)
import { z } from "zod";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { created, json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { MAX_LAYOUT_BODY_BYTES } from "@/lib/organizer/venue-layout";
import { createVenue, listVenues } from "@/lib/organizer/venues";
import { createVenueBody, venuesQuery, venueView, venueWithLayoutView } from "@/lib/schemas/organizer";

export const POST = route(
  {
    auth: "user",
    scope: "organizer",
    body: createVenueBody,
    maxBodyBytes: MAX_LAYOUT_BODY_BYTES,
    doc: {
      summary: "Create a venue",
      description:
        "The layout is a document of sections placed on a plan (x, y in seat widths), each a stack of rows with seat counts, numbering, skipped numbers, aisles, accessible, companion and blocked seats. Refused, naming the field: overlapping sections, repeated section names or row labels, marks on seats a row lacks, more than 100,000 seats.",
      tag: "Organizer",
      responses: { 201: { description: "The venue, at layout version 1", schema: venueWithLayoutView } },
      errors: ["ORGANIZER_REQUIRED", "ROLE_REQUIRED", "NOT_FOUND"],
    },
  },
  async ({ user, body }) => created(await createVenue(user.id, body)),
);

export const GET = route(
  {
    auth: "user",
    scope: "organizer",
    query: venuesQuery,
    doc: {
      summary: "An organization's venues",
      tag: "Organizer",
      responses: { 200: { description: "Venues by name, with their newest layout version", schema: z.object({ items: z.array(venueView) }) } },
      errors: ["ORGANIZER_REQUIRED", "NOT_FOUND"],
    },
  },
  async ({ user, query }) => json({ items: await listVenues(user.id, query.organizationId) }, 200, { "cache-control": "no-store" }),
);

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
