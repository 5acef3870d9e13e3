// GET /api/v1/health – liveness of the app and its database
import { checkDatabase } from "@/lib/health";
import { route } from "@/lib/http/route";
import { json } from "@/lib/http/responses";
import { healthView } from "@/lib/schemas/operations";

export const GET = route(
  {
    auth: "none",
    doc: {
      summary: "Health of the app and its database",
      tag: "Operations",
      responses: {
        200: { description: "Everything is up", schema: healthView },
        503: { description: "The database is down (same body, status degraded)", schema: healthView },
      },
    },
  },
  async () => {
    const database = await checkDatabase();
    const up = database.status === "up";
    return json({ status: up ? "ok" : "degraded", database }, up ? 200 : 503, { "cache-control": "no-store" });
  },
);
