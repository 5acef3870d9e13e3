// GET /api/v1/health – the app and its dependencies: the database, and Redis when configured
import { checkDatabase, checkRedis } from "@/lib/health";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { route } from "@/lib/http/route";
import { json } from "@/lib/http/responses";
import { healthView } from "@/lib/schemas/operations";

export const GET = route(
  {
    auth: "none",
    doc: {
      summary: "Health of the app, its database and (when configured) Redis",
      tag: "Operations",
      responses: {
        200: { description: "Everything is up", schema: healthView },
        503: { description: "The database or Redis is down (same body, status degraded)", schema: healthView },
      },
    },
  },
  async () => {
    const [database, redis] = await Promise.all([checkDatabase(), checkRedis()]);
    const up = database.status === "up" && redis?.status !== "down";
    return json({ status: up ? "ok" : "degraded", database, ...(redis && { redis }) }, up ? 200 : 503, { "cache-control": "no-store" });
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
