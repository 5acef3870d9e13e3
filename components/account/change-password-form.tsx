"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useProblemText } from "@/components/ui/use-problem-text";
import { useChangePassword } from "./account-api";

export function ChangePasswordForm() {
  const t = useTranslations("Password");
  const hints = useTranslations("Auth");
  const problemText = useProblemText();
  const change = useChangePassword();
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    const form = event.currentTarget;
    const data = new FormData(form);
    change.mutate(
      { currentPassword: String(data.get("currentPassword")), newPassword: String(data.get("newPassword")) },
      {
        onSuccess: () => form.reset(),
        onError: (e) => setErrors({ form: problemText.message(e), ...problemText.fields(e) }),
      },
    );
  }

  return (
    <section aria-labelledby="password-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h2 id="password-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <form onSubmit={submit} className="space-y-3">
        {errors.form && !errors.currentPassword && !errors.newPassword && <FormAlert>{errors.form}</FormAlert>}
        <TextField label={t("current")} name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
        <TextField label={t("new")} name="newPassword" type="password" autoComplete="new-password" required hint={hints("passwordHint")} error={errors.newPassword} />
        <button type="submit" disabled={change.isPending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {t("submit")}
        </button>
        {change.isSuccess && (
          <p role="status" className="text-sm text-emerald-700">
            {t("changed")}
          </p>
        )}
      </form>
    </section>
  );
}
