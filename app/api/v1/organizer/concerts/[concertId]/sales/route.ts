// GET /api/v1/organizer/concerts/{concertId}/sales – the concert's orders, newest first, searchable (any member)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { listSales } from "@/lib/organizer/sales";
import { pageOf } from "@/lib/pagination";
import { concertParams } from "@/lib/schemas/organizer-concerts";
import { saleView, salesQuery } from "@/lib/schemas/organizer-dashboard";

export const GET = route(
  {
    auth: "user",
    scope: "organizer",
    params: concertParams,
    query: salesQuery,
    doc: {
      summary: "The concert's sales",
      description: "Orders with their buyer and seats, newest first. `q` matches part of an order number, a buyer's email or name.",
      tag: "Organizer",
      responses: { 200: { description: "A page of orders", schema: pageOf(saleView) } },
      errors: ["ORGANIZER_REQUIRED", "NOT_FOUND"],
    },
  },
  async ({ user, params, query }) => json(await listSales(user.id, params.concertId, query), 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
