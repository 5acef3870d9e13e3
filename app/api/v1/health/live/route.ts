// GET /api/v1/health/live – liveness only: answers without touching any dependency
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

export const GET = route({ auth: "none" }, async () => json({ status: "ok" }, 200, { "cache-control": "no-store" }));
