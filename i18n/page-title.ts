import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type messages from "../messages/en.json";

/** A page's generateMetadata: its title in the visitor's language. */
export const pageTitle = (key: keyof (typeof messages)["Titles"]) => async (): Promise<Metadata> => ({
  title: (await getTranslations("Titles"))(key),
});
