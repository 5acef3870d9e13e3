// GET   /api/v1/organizer/venues/{venueId} – a venue with its newest layout (any member)
// PATCH /api/v1/organizer/venues/{venueId} – rename it, or save a new layout version (owners and managers)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { MAX_LAYOUT_BODY_BYTES } from "@/lib/organizer/venue-layout";
import { getVenue, updateVenue } from "@/lib/organizer/venues";
import { updateVenueBody, venueParams, venueWithLayoutView } from "@/lib/schemas/organizer";

export const GET = route(
  {
    auth: "user",
    scope: "organizer",
    params: venueParams,
    doc: {
      summary: "A venue and its layout",
      tag: "Organizer",
      responses: { 200: { description: "The venue with its newest layout", schema: venueWithLayoutView } },
      errors: ["ORGANIZER_REQUIRED", "NOT_FOUND"],
    },
  },
  async ({ user, params }) => json(await getVenue(user.id, params.venueId), 200, { "cache-control": "no-store" }),
);

export const PATCH = route(
  {
    auth: "user",
    scope: "organizer",
    params: venueParams,
    body: updateVenueBody,
    maxBodyBytes: MAX_LAYOUT_BODY_BYTES,
    doc: {
      summary: "Rename a venue or save a new layout version",
      description:
        "A new layout names the version it was made from (`layoutVersion`); when someone saved another since, 409 LAYOUT_VERSION_CONFLICT: load it again. Earlier versions are kept: dates already on sale keep the seats they were made from.",
      tag: "Organizer",
      responses: { 200: { description: "The venue with its newest layout", schema: venueWithLayoutView } },
      errors: ["ORGANIZER_REQUIRED", "ROLE_REQUIRED", "NOT_FOUND", "LAYOUT_VERSION_CONFLICT"],
    },
  },
  async ({ user, params, body }) => json(await updateVenue(user.id, params.venueId, body)),
);

export const { POST, PUT, DELETE } = otherMethods({ GET, PATCH });
