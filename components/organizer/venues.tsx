"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useProblemText } from "@/components/ui/use-problem-text";
import { ApiProblem } from "@/lib/client/api";
import { useCreateVenueFromCsv, useVenues } from "./organizer-api";

/** The organization's venues; owners and managers add one from a seat list (CSV). */
export function Venues({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const t = useTranslations("Organizer");
  const problemText = useProblemText();
  const venues = useVenues(orgId);
  return (
    <section aria-labelledby="venues-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="venues-heading" className="text-lg font-semibold">
        {t("venues")}
      </h2>
      {venues.isError && <FormAlert>{problemText.message(venues.error)}</FormAlert>}
      {venues.data?.length === 0 && <p className="text-slate-600">{t("noVenues")}</p>}
      {!!venues.data?.length && (
        <ul className="divide-y divide-slate-100" aria-label={t("venues")}>
          {venues.data.map((venue) => (
            <li key={venue.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <Link href={`/organizer/${orgId}/venues/${venue.id}`} className="font-medium text-brand-600 underline hover:no-underline">
                {venue.name}
              </Link>
              <span className="text-slate-600">{t("venueSummary", { seats: venue.seatCount, version: venue.layoutVersion })}</span>
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <Link href={`/organizer/${orgId}/venues/new`} className="inline-block text-sm font-medium text-brand-600 underline hover:no-underline">
          {t("designVenue")}
        </Link>
      )}
      {canManage && <NewVenueForm orgId={orgId} />}
    </section>
  );
}

function NewVenueForm({ orgId }: { orgId: string }) {
  const t = useTranslations("Organizer");
  const problemText = useProblemText();
  const router = useRouter();
  const create = useCreateVenueFromCsv(orgId);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    const data = new FormData(event.currentTarget);
    const file = data.get("seats");
    const csv = file instanceof File && file.size ? await file.text() : "";
    create.mutate(
      { name: String(data.get("name")), csv },
      {
        onSuccess: (venue) => router.push(`/organizer/${orgId}/venues/${venue.id}`),
        onError: (e) => {
          // Problems in the seat list come back line by line; they are shown together.
          const lines = e instanceof ApiProblem ? (e.problem.errors ?? []).filter((error) => error.field === "csv").map((error) => error.message) : [];
          setErrors({ form: problemText.message(e), ...problemText.fields(e), ...(lines.length ? { seats: lines.join("\n") } : {}) });
        },
      },
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3 border-t border-slate-100 pt-3" aria-labelledby="new-venue-heading">
      <h3 id="new-venue-heading" className="font-semibold">
        {t("newVenue")}
      </h3>
      <p className="text-sm text-slate-600">{t.rich("newVenueIntro", { code: (chunks) => <code>{chunks}</code> })}</p>
      {errors.form && !errors.name && !errors.seats && <FormAlert>{errors.form}</FormAlert>}
      <TextField label={t("venueName")} name="name" maxLength={80} required error={errors.name} />
      <div className="space-y-1">
        <label htmlFor="venue-seats" className="block text-sm font-medium text-slate-700">
          {t("seatList")}
        </label>
        <input id="venue-seats" name="seats" type="file" accept=".csv,text/csv" required aria-invalid={errors.seats ? true : undefined} aria-describedby={errors.seats ? "venue-seats-error" : undefined} className="block text-sm" />
        {errors.seats && (
          <p id="venue-seats-error" className="whitespace-pre-line text-sm text-red-600">
            {errors.seats}
          </p>
        )}
      </div>
      <button type="submit" disabled={create.isPending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {t("createVenue")}
      </button>
    </form>
  );
}
