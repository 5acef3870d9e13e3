// Any other /api path – 404 problem+json, not Next's HTML page (more specific routes win)
import { problemFor } from "@/lib/http/problem";
import { problemResponse } from "@/lib/http/responses";

function notFound(): Response {
  return problemResponse(problemFor("NOT_FOUND", "There is no API operation at this path. See /api/v1/openapi.json."));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
