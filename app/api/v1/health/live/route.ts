// GET /api/v1/health/live – liveness only: answers without touching any dependency
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { liveView } from "@/lib/schemas/operations";

export const GET = route(
  { auth: "none", doc: { summary: "Liveness (touches nothing)", tag: "Operations", responses: { 200: { description: "The process answers", schema: liveView } } } },
  async () => json({ status: "ok" }, 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
