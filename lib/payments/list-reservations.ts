import { db } from "../db";
import { afterCursor, newestFirst, newestFirstCursorOf, toPage, type Page, type PageQuery } from "../pagination";
import type { TicketView } from "../schemas/payments";
import { ticketSelect, ticketView } from "./ticket-view";

/** The caller's tickets, newest purchase first. */
export async function listReservations(userId: string, query: PageQuery): Promise<Page<TicketView>> {
  const rows = await db.reservation.findMany({
    where: { userId, ...afterCursor(query.cursor) },
    orderBy: newestFirst,
    take: query.limit + 1,
    select: ticketSelect,
  });
  return toPage(rows, query.limit, ticketView, newestFirstCursorOf);
}
