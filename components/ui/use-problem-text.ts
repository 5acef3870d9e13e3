"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ApiProblem } from "@/lib/client/api";

type ProblemKey = Parameters<ReturnType<typeof useTranslations<"Problems">>["has"]>[0];

/**
 * What went wrong, in the visitor's language. The API's own titles and details stay
 * English (its contract); the page words them by the stable code, and by field for
 * invalid input, falling back to the API's text for anything it has no words for.
 */
export function useProblemText() {
  const t = useTranslations("Problems");
  return useMemo(() => {
    const known = (key: string) => t.has(key as ProblemKey);
    return {
      message(error: unknown): string {
        if (!(error instanceof ApiProblem)) return t("network");
        return known(error.problem.code) ? t(error.problem.code as ProblemKey) : error.problem.detail;
      },
      /** Invalid input, by field; any other problem (such as a taken email) is said once, by message. */
      fields(error: unknown): Record<string, string> {
        if (!(error instanceof ApiProblem) || error.problem.code !== "VALIDATION_FAILED") return {};
        return Object.fromEntries(
          Object.entries(error.fieldErrors()).map(([field, message]) => [field, known(`fields.${field}`) ? t(`fields.${field}` as ProblemKey) : message]),
        );
      },
    };
  }, [t]);
}
