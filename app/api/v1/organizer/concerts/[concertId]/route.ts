// GET   /api/v1/organizer/concerts/{concertId} – a concert with its tiers, dates and publish check (any member)
// PATCH /api/v1/organizer/concerts/{concertId} – change it (owners and managers)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { getConcert, updateConcert } from "@/lib/organizer/concerts";
import { concertParams, organizerConcertView, updateConcertBody } from "@/lib/schemas/organizer-concerts";

export const GET = route(
  {
    auth: "user",
    scope: "organizer",
    params: concertParams,
    doc: {
      summary: "A concert as its organizer sees it",
      tag: "Organizer",
      responses: { 200: { description: "The concert", schema: organizerConcertView } },
      errors: ["ORGANIZER_REQUIRED", "NOT_FOUND"],
    },
  },
  async ({ user, params }) => json(await getConcert(user.id, params.concertId), 200, { "cache-control": "no-store" }),
);

export const PATCH = route(
  {
    auth: "user",
    scope: "organizer",
    params: concertParams,
    body: updateConcertBody,
    doc: {
      summary: "Change a concert",
      description:
        "A draft may change anything. Once published, the venue, the tier assignments and the set of tier names are fixed (409 CONCERT_STATUS); a tier's new price reaches its seats on every date at once, and only while none of them is held or sold (409 PRICE_LOCKED). Sale settings apply within seconds. A cancelled concert does not change.",
      tag: "Organizer",
      responses: { 200: { description: "The concert", schema: organizerConcertView } },
      errors: ["ORGANIZER_REQUIRED", "ROLE_REQUIRED", "NOT_FOUND", "CONCERT_STATUS", "PRICE_LOCKED"],
    },
  },
  async ({ user, params, body }) => json(await updateConcert(user.id, params.concertId, body)),
);

export const { POST, PUT, DELETE } = otherMethods({ GET, PATCH });
