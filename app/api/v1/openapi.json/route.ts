// GET /api/v1/openapi.json – the OpenAPI 3.1 document, built from the routes' own zod schemas
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { openApiRouteConfig } from "./config";
import { operations } from "./operations";

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = route(openApiRouteConfig, async () => {
  // Built once per instance: it only changes with a deploy.
  document ??= buildOpenApiDocument(operations);
  return json(document, 200, { "cache-control": "public, max-age=300" });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
