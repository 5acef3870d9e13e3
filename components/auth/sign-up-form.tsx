"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/lib/client/api";
import { TextField } from "@/components/ui/text-field";
import { FormAlert } from "@/components/ui/form-alert";
import { useProblemText } from "@/components/ui/use-problem-text";

export function SignUpForm() {
  const t = useTranslations("Auth");
  const problemText = useProblemText();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name")), email: String(form.get("email")), password: String(form.get("password")) };
    setPending(true);
    setErrors({});
    setMessage(null);
    try {
      await apiFetch("/api/v1/users", { method: "POST", json: input });
    } catch (error) {
      setErrors(problemText.fields(error));
      setMessage(problemText.message(error));
      setPending(false);
      return;
    }
    const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    if (result?.error) {
      setMessage(t("createdButSignInFailed"));
      setPending(false);
      return;
    }
    router.push("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message && <FormAlert>{message}</FormAlert>}
      <TextField label={t("name")} name="name" autoComplete="name" required error={errors.name} />
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        error={errors.password}
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("creating") : t("createAccount")}
      </button>
      <p className="text-center text-sm text-slate-600">
        {t.rich("haveAccount", {
          link: (chunks) => (
            <Link href="/signin" className="font-medium text-brand-600 hover:underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </form>
  );
}
