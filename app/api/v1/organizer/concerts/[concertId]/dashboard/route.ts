// GET /api/v1/organizer/concerts/{concertId}/dashboard – the on-sale figures: line, holds, seats per tier, takings (any member)
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { getDashboard } from "@/lib/organizer/dashboard";
import { concertParams } from "@/lib/schemas/organizer-concerts";
import { dashboardView } from "@/lib/schemas/organizer-dashboard";

export const GET = route(
  {
    auth: "user",
    scope: "organizer",
    params: concertParams,
    doc: {
      summary: "The on-sale dashboard",
      description:
        "Read fresh on every call: who waits, is admitted and shops; the admission rate and how long the last in line should wait; live holds; seats sold, held and free per tier, date and section; takings; and, per minute for the last 30 minutes, payments, tickets, revenue and server errors answered to shoppers.",
      tag: "Organizer",
      responses: { 200: { description: "The figures", schema: dashboardView } },
      errors: ["ORGANIZER_REQUIRED", "NOT_FOUND"],
    },
  },
  async ({ user, params }) => json(await getDashboard(user.id, params.concertId), 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
