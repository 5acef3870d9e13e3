import { z } from "zod";

export const openApiRouteConfig = {
  auth: "none" as const,
  doc: {
    summary: "This document (OpenAPI 3.1)",
    tag: "Operations" as const,
    responses: { 200: { description: "The OpenAPI document", schema: z.object({ openapi: z.literal("3.1.0") }).loose() } },
  },
};
