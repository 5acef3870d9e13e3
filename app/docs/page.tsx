import { openApiDocument } from "@/app/api/v1/openapi.json/document";
import { ApiDocs, type ApiDocument } from "@/components/docs/api-docs";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("docs");

export default function DocsPage() {
  return <ApiDocs document={openApiDocument() as ApiDocument} />;
}
