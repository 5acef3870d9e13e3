// GET /api/v1/concerts – the catalogue
import { listConcerts } from "@/lib/catalogue/list-concerts";
import { pageOf } from "@/lib/http/pagination";
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
