"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { TextField } from "@/components/ui/text-field";
import { FormAlert } from "@/components/ui/form-alert";
import { safeCallbackPath } from "@/lib/client/safe-callback-path";

// next-auth reports a failed sign-in as an error string; only the ones we know are named,
// anything else (such as a server fault's text) gets a generic message.
function signInMessage(error: string | null | undefined) {
  if (error === "CredentialsSignin") return "wrongPassword" as const;
  if (error?.startsWith("Too many")) return "tooManyAttempts" as const;
  return "signInFailed" as const;
}

export function SignInForm() {
  const t = useTranslations("Auth");
  const router = useRouter();
  const callbackUrl = safeCallbackPath(useSearchParams().get("callbackUrl"));
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    if (!result || result.error) {
      setMessage(t(signInMessage(result?.error)));
      setPending(false);
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {message && <FormAlert>{message}</FormAlert>}
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("signingIn") : t("signIn")}
      </button>
      <p className="text-center text-sm text-slate-600">
        {t.rich("newHere", {
          link: (chunks) => (
            <Link href="/signup" className="font-medium text-brand-600 hover:underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </form>
  );
}
