// GET /api/v1/me/reservations – your tickets, newest first, cursor-paginated
import { pageQuery } from "@/lib/http/pagination";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { listReservations } from "@/lib/payments/list-reservations";

export const GET = route({ auth: "user", query: pageQuery }, async ({ user, query }) =>
  json(await listReservations(user.id, query), 200, { "cache-control": "no-store" }),
);
