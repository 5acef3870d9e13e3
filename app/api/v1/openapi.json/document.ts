import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { operations } from "./operations";

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The API's OpenAPI document, built once per instance: it only changes with a deploy. */
export function openApiDocument() {
  document ??= buildOpenApiDocument(operations);
  return document;
}
