// GET /api/v1/concerts – the catalogue
import { listConcerts } from "@/lib/catalogue/list-concerts";
import { route } from "@/lib/http/route";
import { json } from "@/lib/http/responses";
import { listConcertsQuery } from "@/lib/schemas/concerts";

export const GET = route({ auth: "none", query: listConcertsQuery }, async ({ query }) => json(await listConcerts(query)));
