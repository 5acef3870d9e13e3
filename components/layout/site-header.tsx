import Link from "next/link";
import { getServerSession } from "next-auth";
import { connection } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { SignOutButton } from "@/components/auth/sign-out-button";

export async function SiteHeader() {
  // Who is signed in is known only per request, so every page renders dynamically.
  await connection();
  const session = await getServerSession(authOptions());
  const user = session?.user;
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-600">
          Stagepass
        </Link>
        {user ? (
          <div className="flex items-center gap-3 text-sm">
            <Link href="/tickets" className="font-medium text-slate-700 hover:text-brand-600">
              Tickets
            </Link>
            <Link href="/wallet" className="font-medium text-slate-700 hover:text-brand-600">
              Wallet
            </Link>
            <Link href="/account" className="font-medium text-slate-700 hover:text-brand-600">
              Account
            </Link>
            <span data-testid="signed-in-user" className="hidden text-slate-600 sm:inline">
              Signed in as <strong className="font-semibold text-slate-900">{user.name || user.email}</strong>
            </span>
            <SignOutButton />
          </div>
        ) : (
          <div className="flex items-center gap-2 text-sm">
            <Link href="/signin" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
              Sign in
            </Link>
            <Link href="/signup" className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700">
              Sign up
            </Link>
          </div>
        )}
      </nav>
    </header>
  );
}
