// GET /api/v1/openapi.json – the OpenAPI 3.1 document, built from the routes' own zod schemas
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { openApiRouteConfig } from "./config";
import { openApiDocument } from "./document";

export const GET = route(openApiRouteConfig, async () => json(openApiDocument(), 200, { "cache-control": "public, max-age=300" }));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
