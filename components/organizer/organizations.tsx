"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useProblemText } from "@/components/ui/use-problem-text";
import { useCreateOrganization, useOrganizations } from "./organizer-api";

/** Your organizations, and a form to start one. */
export function Organizations() {
  const t = useTranslations("Organizer");
  const problemText = useProblemText();
  const router = useRouter();
  const organizations = useOrganizations();
  const create = useCreateOrganization();
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    const name = String(new FormData(event.currentTarget).get("name"));
    create.mutate(
      { name },
      {
        onSuccess: (made) => router.push(`/organizer/${made.id}`),
        onError: (e) => setErrors({ form: problemText.message(e), ...problemText.fields(e) }),
      },
    );
  }

  return (
    <div className="space-y-4">
      <section aria-labelledby="organizations-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="organizations-heading" className="text-lg font-semibold">
          {t("yourOrganizations")}
        </h2>
        {organizations.isError && <FormAlert>{problemText.message(organizations.error)}</FormAlert>}
        {organizations.isPending && <p aria-busy="true">{t("loading")}</p>}
        {organizations.data?.length === 0 && <p className="text-slate-600">{t("none")}</p>}
        {!!organizations.data?.length && (
          <ul className="divide-y divide-slate-100">
            {organizations.data.map((organization) => (
              <li key={organization.id} className="flex items-center justify-between gap-3 py-2">
                <Link href={`/organizer/${organization.id}`} className="font-medium text-brand-600 underline hover:no-underline">
                  {organization.name}
                </Link>
                <span className="text-sm text-slate-600">{t(`role.${organization.role}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="create-organization-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="create-organization-heading" className="text-lg font-semibold">
          {t("create")}
        </h2>
        <p className="text-sm text-slate-600">{t("createIntro")}</p>
        <form onSubmit={submit} className="space-y-3">
          {errors.form && !errors.name && <FormAlert>{errors.form}</FormAlert>}
          <TextField label={t("name")} name="name" maxLength={80} required error={errors.name} />
          <button type="submit" disabled={create.isPending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
            {t("createButton")}
          </button>
        </form>
      </section>
    </div>
  );
}
