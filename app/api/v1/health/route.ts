// GET /api/v1/health – liveness of the app and its database
import { checkDatabase } from "@/lib/health";
import { route } from "@/lib/http/route";
import { json } from "@/lib/http/responses";

export const GET = route({ auth: "none" }, async () => {
  const database = await checkDatabase();
  const up = database.status === "up";
  return json({ status: up ? "ok" : "degraded", database }, up ? 200 : 503, { "cache-control": "no-store" });
});
