import type { Locale } from "@/lib/i18n/locale";
import type messages from "../messages/en.json";

// Typed messages: a key missing from messages/en.json fails the type check.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
