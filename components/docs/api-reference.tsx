"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

/** The API reference, rendered in the browser from our own OpenAPI document; nothing loads from elsewhere. */
export function ApiReference() {
  return (
    <ApiReferenceReact
      configuration={{
        url: "/api/v1/openapi.json",
        withDefaultFonts: false,
        hideClientButton: true,
        hideTestRequestButton: true,
        hideModels: false,
        defaultOpenAllTags: false,
        // Everything that would talk to the vendor's services stays off.
        agent: { disabled: true },
        showDeveloperTools: "never",
        telemetry: false,
      }}
    />
  );
}
