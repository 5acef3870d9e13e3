// GET /api/v1/organizer/concerts/{concertId}/sales.csv – every ticket sold, as CSV, streamed (any member)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { route } from "@/lib/http/route";
import { salesCsv } from "@/lib/organizer/sales";
import { concertParams } from "@/lib/schemas/organizer-concerts";

export const GET = route(
  {
    auth: "user",
    scope: "organizer",
    params: concertParams,
    doc: {
      summary: "Every ticket sold, as CSV",
      description:
        "One line per ticket, oldest first: order, paid_at, buyer_name, buyer_email, starts_at, section, row, seat, tier, price, ticket_code. Streamed as it is read. Text a spreadsheet would run as a formula is prefixed with '.",
      tag: "Organizer",
      responses: { 200: { description: "The tickets", schema: null, contentType: "text/csv" } },
      errors: ["ORGANIZER_REQUIRED", "NOT_FOUND"],
    },
  },
  async ({ user, params }) =>
    new Response(await salesCsv(user.id, params.concertId), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="sales-${params.concertId}.csv"`, "cache-control": "no-store" },
    }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
