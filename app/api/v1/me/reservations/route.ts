// GET /api/v1/me/reservations – your tickets, newest first, cursor-paginated
import { otherMethods } from "@/lib/http/method-not-allowed";
import { pageOf, pageQuery } from "@/lib/pagination";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { listReservations } from "@/lib/payments/list-reservations";
import { ticketView } from "@/lib/schemas/payments";

export const GET = route(
  { auth: "user", query: pageQuery, doc: { summary: "Your tickets, newest first", tag: "Payments", responses: { 200: { description: "A page of tickets", schema: pageOf(ticketView) } } } },
  async ({ user, query }) =>
  json(await listReservations(user.id, query), 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
