import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-4 py-12 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">404</p>
      <h1 className="text-3xl font-bold tracking-tight">This page is not here</h1>
      <p className="text-slate-600">The link may be old, or the concert may have ended. Your tickets and wallet are safe.</p>
      <Link href="/" className="inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        See the concerts
      </Link>
    </div>
  );
}
