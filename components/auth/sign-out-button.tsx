"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { claimStoredValues } from "@/lib/client/stored-value";

export function SignOutButton() {
  const t = useTranslations("Header");
  return (
    <button
      type="button"
      onClick={() => {
        claimStoredValues(null);
        void signOut({ callbackUrl: "/" });
      }}
      className="rounded-md border border-slate-300 px-3 py-2 font-medium text-slate-700 hover:bg-slate-100"
    >
      {t("signOut")}
    </button>
  );
}
