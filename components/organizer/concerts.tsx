"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useProblemText } from "@/components/ui/use-problem-text";
import { useConcerts, useCreateConcert, useVenues } from "./organizer-api";

/** The organization's concerts in every state; owners and managers start a new one (a draft). */
export function Concerts({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const t = useTranslations("OrganizerConcerts");
  const problemText = useProblemText();
  const concerts = useConcerts(orgId);
  return (
    <section aria-labelledby="concerts-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="concerts-heading" className="text-lg font-semibold">
        {t("concerts")}
      </h2>
      {concerts.isError && <FormAlert>{problemText.message(concerts.error)}</FormAlert>}
      {concerts.data?.length === 0 && <p className="text-slate-600">{t("noConcerts")}</p>}
      {!!concerts.data?.length && (
        <ul className="divide-y divide-slate-100" aria-label={t("concerts")}>
          {concerts.data.map((concert) => (
            <li key={concert.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <Link href={`/organizer/${orgId}/concerts/${concert.id}`} className="font-medium text-brand-600 underline hover:no-underline">
                {concert.title}
              </Link>
              <span className="text-slate-600">
                {concert.venue} · <StatusBadge status={concert.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {canManage && <NewConcertForm orgId={orgId} />}
    </section>
  );
}

const BADGE = { DRAFT: "bg-slate-100 text-slate-800", PUBLISHED: "bg-emerald-100 text-emerald-900", CANCELLED: "bg-red-100 text-red-900" } as const;

export function StatusBadge({ status }: { status: keyof typeof BADGE }) {
  const t = useTranslations("OrganizerConcerts");
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${BADGE[status]}`}>{t(`status.${status}`)}</span>;
}

function NewConcertForm({ orgId }: { orgId: string }) {
  const t = useTranslations("OrganizerConcerts");
  const problemText = useProblemText();
  const router = useRouter();
  const venues = useVenues(orgId);
  const create = useCreateConcert(orgId);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    const data = new FormData(event.currentTarget);
    create.mutate(
      { venueId: String(data.get("venueId")), title: String(data.get("title")), artist: String(data.get("artist")) },
      {
        onSuccess: (concert) => router.push(`/organizer/${orgId}/concerts/${concert.id}`),
        onError: (e) => setErrors({ form: problemText.message(e), ...problemText.fields(e) }),
      },
    );
  }

  if (venues.data?.length === 0) return <p className="border-t border-slate-100 pt-3 text-sm text-slate-600">{t("needVenue")}</p>;
  return (
    <form onSubmit={submit} className="space-y-3 border-t border-slate-100 pt-3" aria-labelledby="new-concert-heading">
      <h3 id="new-concert-heading" className="font-semibold">
        {t("newConcert")}
      </h3>
      {errors.form && !errors.title && !errors.artist && <FormAlert>{errors.form}</FormAlert>}
      <TextField label={t("title")} name="title" maxLength={120} required error={errors.title} />
      <TextField label={t("artist")} name="artist" maxLength={120} required error={errors.artist} />
      <div className="space-y-1">
        <label htmlFor="new-concert-venue" className="block text-sm font-medium text-slate-700">
          {t("venue")}
        </label>
        <select id="new-concert-venue" name="venueId" required className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2">
          {venues.data?.map((venue) => (
            <option key={venue.id} value={venue.id}>
              {venue.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={create.isPending || !venues.data} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {t("createDraft")}
      </button>
    </form>
  );
}
