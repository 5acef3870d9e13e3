// GET /api/v1/concerts – the catalogue
import { listConcerts } from "@/lib/catalogue/list-concerts";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { pageOf } from "@/lib/pagination";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { concertSummary, listConcertsQuery } from "@/lib/schemas/concerts";

export const GET = route(
  {
    auth: "none",
    query: listConcertsQuery,
    doc: { summary: "List concerts with their upcoming dates", tag: "Catalogue", responses: { 200: { description: "A page of concerts", schema: pageOf(concertSummary) } } },
  },
  async ({ query }) => json(await listConcerts(query)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
