import Link from "next/link";
import { getServerSession } from "next-auth";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { THEME_COOKIE, themeOf } from "@/lib/theme";
import { LanguageSwitcher } from "./language-switcher";
import { ThemeSwitcher } from "./theme-switcher";

export async function SiteHeader() {
  // Who is signed in is known only per request, so every page renders dynamically.
  await connection();
  const session = await getServerSession(authOptions());
  const t = await getTranslations("Header");
  const user = session?.user;
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label={t("nav")} className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-600">
          Stagepass
        </Link>
        <div className="flex flex-wrap items-center justify-end gap-3 text-sm">
          {user ? (
            <>
              {(["tickets", "wallet", "account"] as const).map((page) => (
                <Link key={page} href={`/${page}`} className="font-medium text-slate-700 hover:text-brand-600">
                  {t(page)}
                </Link>
              ))}
              <span data-testid="signed-in-user" className="hidden text-slate-600 md:inline">
                {t.rich("signedInAs", { name: user.name || user.email || "", strong: (chunks) => <strong className="font-semibold text-slate-900">{chunks}</strong> })}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                {t("signIn")}
              </Link>
              <Link href="/signup" className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700">
                {t("signUp")}
              </Link>
            </>
          )}
          <LanguageSwitcher />
          <ThemeSwitcher initial={themeOf((await cookies()).get(THEME_COOKIE)?.value)} />
        </div>
      </nav>
    </header>
  );
}
