import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { HoldBanner } from "@/components/booking/hold-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { Providers } from "@/components/providers";
import { THEME_COOKIE, themeOf } from "@/lib/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Site");
  return { title: { default: "Stagepass", template: "%s · Stagepass" }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("Site");
  const theme = themeOf((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang={locale} data-theme={theme === "system" ? undefined : theme}>
      <body className="min-h-screen">
        <NextIntlClientProvider>
          <Providers>
            <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
              {t("skipToContent")}
            </a>
            <SiteHeader />
            <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8">
              {children}
            </main>
            <HoldBanner />
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
