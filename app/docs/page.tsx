import type { Metadata } from "next";
import { openApiDocument } from "@/app/api/v1/openapi.json/document";
import { ApiDocs, type ApiDocument } from "@/components/docs/api-docs";

export const metadata: Metadata = { title: "API reference" };

export default function DocsPage() {
  return <ApiDocs document={openApiDocument() as ApiDocument} />;
}
