import type { Metadata } from "next";
import Link from "next/link";
import { AccessTokens } from "@/components/account/access-tokens";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { requireSignedIn } from "@/components/auth/require-signed-in";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireSignedIn("/account");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Account</h1>
      <p className="text-slate-600">
        {user.name} · {user.email} · <Link href="/docs" className="text-brand-600 underline hover:no-underline">API reference</Link>
      </p>
      <AccessTokens />
      <ChangePasswordForm />
    </div>
  );
}
