"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { FormAlert } from "@/components/ui/form-alert";
import { LocalTime } from "@/components/ui/local-time";
import { TextField } from "@/components/ui/text-field";
import { useProblemText } from "@/components/ui/use-problem-text";
import { ApiProblem } from "@/lib/client/api";
import { instantOfWallTime } from "@/lib/date-time";
import type { VenueLayout } from "@/lib/organizer/venue-layout";
import type { OrganizerConcertView } from "@/lib/schemas/organizer-concerts";
import { StatusBadge } from "./concerts";
import { OnSaleFields, readOnSaleFields } from "./on-sale-fields";
import { concertRequests, useConcertChange, useOrganization, useOrganizerConcert, useVenue } from "./organizer-api";
import { BUTTON, CARD, PRIMARY } from "@/components/ui/styles";


/** Messages for a failed change: the form's, and each field's (the API names fields like `tiers.0.price`). */
function useChangeErrors() {
  const problemText = useProblemText();
  return (error: unknown): Record<string, string> => ({
    form: problemText.message(error),
    ...(error instanceof ApiProblem ? error.fieldErrors() : {}),
  });
}

/** A concert's page in the console: its details, tiers and sale settings, its dates, and publishing or cancelling it. */
export function ConcertEditor({ orgId, concertId }: { orgId: string; concertId: string }) {
  const t = useTranslations("OrganizerConcerts");
  const problemText = useProblemText();
  const concert = useOrganizerConcert(concertId);
  const role = useOrganization(concert.data?.organizationId ?? orgId).data?.role;
  const canManage = role === "OWNER" || role === "MANAGER";
  if (concert.isError) return <FormAlert>{problemText.message(concert.error)}</FormAlert>;
  if (!concert.data) return <p aria-busy="true">{t("loading")}</p>;
  const c = concert.data;
  const editable = canManage && c.status !== "CANCELLED";
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{c.title}</h1>
        <p className="text-slate-600">
          {c.artist} · {c.venue} · <StatusBadge status={c.status} />
        </p>
        {c.status !== "DRAFT" && (
          <p className="flex flex-wrap gap-4 text-sm">
            <Link href={`/concerts/${c.id}`} className="text-brand-600 underline hover:no-underline">
              {t("fanPage")}
            </Link>
            <Link href={`/organizer/${c.organizationId}/concerts/${c.id}/dashboard`} className="text-brand-600 underline hover:no-underline">
              {t("dashboard")}
            </Link>
            <Link href={`/organizer/${c.organizationId}/concerts/${c.id}/sales`} className="text-brand-600 underline hover:no-underline">
              {t("salesList")}
            </Link>
          </p>
        )}
      </div>
      {c.status === "DRAFT" && <PublishCheck concert={c} canManage={canManage} />}
      <ConcertForm key={c.status} concert={c} editable={editable} />
      <Dates concert={c} editable={editable} />
      {c.status === "PUBLISHED" && canManage && <CancelConcert concert={c} />}
    </div>
  );
}

function PublishCheck({ concert, canManage }: { concert: OrganizerConcertView; canManage: boolean }) {
  const t = useTranslations("OrganizerConcerts");
  const publish = useConcertChange(concert.id, concertRequests(concert.id).publish);
  const errorsOf = useChangeErrors();
  const ready = concert.publishProblems.length === 0;
  return (
    <section aria-labelledby="publish-heading" className={CARD}>
      <h2 id="publish-heading" className="text-lg font-semibold">
        {t("publishCheck")}
      </h2>
      {ready ? (
        <p className="text-emerald-800">{t("ready")}</p>
      ) : (
        <>
          <p className="text-slate-600">{t("notReady")}</p>
          <ul className="list-disc space-y-1 pl-5 text-sm" aria-label={t("missing")}>
            {concert.publishProblems.map((problem) => (
              <li key={`${problem.field}:${problem.message}`}>
                <code className="text-xs">{problem.field}</code> {problem.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {publish.isError && <FormAlert>{errorsOf(publish.error).form}</FormAlert>}
      {canManage && ready && (
        <ConfirmStep
          trigger={t("publish")}
          triggerClassName={PRIMARY}
          groupLabel={t("confirmPublishLabel")}
          prompt={t("confirmPublish", { dates: concert.schedules.length })}
          confirm={t("publishNow")}
          keep={t("notYet")}
          tone="primary"
          pending={publish.isPending}
          onConfirm={(close) => publish.mutate(undefined, { onError: close })}
        />
      )}
    </section>
  );
}

interface TierRow {
  name: string;
  price: string;
  colour: string;
}

const numberOrNull = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === "" ? null : Number(value));

function ConcertForm({ concert, editable }: { concert: OrganizerConcertView; editable: boolean }) {
  const t = useTranslations("OrganizerConcerts");
  const update = useConcertChange(concert.id, concertRequests(concert.id).update);
  const venue = useVenue(concert.venueId);
  const errorsOf = useChangeErrors();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [tiers, setTiers] = useState<TierRow[]>(() => concert.tiers.map((tier) => ({ ...tier, price: String(tier.price) })));
  // Section → tier name, kept through tier renames.
  const [sectionTiers, setSectionTiers] = useState<Record<string, string>>(() => ({ ...concert.tierAssignments }));
  const draft = concert.status === "DRAFT";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setSaved(false);
    const data = new FormData(event.currentTarget);
    const onSale = readOnSaleFields(data, concert.settings, concert.timeZone, { rampFormat: t("rampFormat"), timeFormat: t("timeFormat") });
    if ("errors" in onSale) return setErrors(onSale.errors);
    update.mutate(
      {
        title: String(data.get("title")),
        artist: String(data.get("artist")),
        description: String(data.get("description")),
        timeZone: String(data.get("timeZone")),
        tiers: tiers.map((tier) => ({ name: tier.name, price: Number(tier.price), colour: tier.colour })),
        ...(draft ? { tierAssignments: Object.fromEntries(Object.entries(sectionTiers).filter(([, tier]) => tier)) } : {}),
        settings: {
          activeLimit: numberOrNull(data.get("activeLimit")),
          admitPerTick: numberOrNull(data.get("admitPerTick")),
          activeTtlSeconds: numberOrNull(data.get("activeTtlSeconds")),
          holdTtlSeconds: numberOrNull(data.get("holdTtlSeconds")),
          maxTicketsPerAccount: numberOrNull(data.get("maxTicketsPerAccount")),
          ...onSale.settings,
        },
      },
      { onSuccess: () => setSaved(true), onError: (e) => setErrors(errorsOf(e)) },
    );
  }

  const setTier = (i: number, change: Partial<TierRow>) => {
    const before = tiers[i]!.name;
    setTiers((list) => list.map((tier, j) => (j === i ? { ...tier, ...change } : tier)));
    // A renamed tier keeps the sections and rows that sell as it.
    if (change.name !== undefined && before) {
      setSectionTiers((map) => Object.fromEntries(Object.entries(map).map(([key, tier]) => [key, tier === before ? change.name! : tier])));
    }
  };
  const s = concert.settings;
  return (
    <form onSubmit={submit} className={CARD} aria-labelledby="details-heading">
      <h2 id="details-heading" className="text-lg font-semibold">
        {t("details")}
      </h2>
      <fieldset disabled={!editable} className="space-y-3">
        <TextField label={t("title")} name="title" defaultValue={concert.title} maxLength={120} required error={errors.title} />
        <TextField label={t("artist")} name="artist" defaultValue={concert.artist} maxLength={120} required error={errors.artist} />
        <div className="space-y-1">
          <label htmlFor="concert-description" className="block text-sm font-medium text-slate-700">
            {t("description")}
          </label>
          <textarea id="concert-description" name="description" defaultValue={concert.description} maxLength={2000} rows={3} className="block w-full rounded-md border border-slate-300 px-3 py-2" />
        </div>
        <TextField label={t("timeZone")} name="timeZone" defaultValue={concert.timeZone} required error={errors.timeZone} hint={t("timeZoneHint")} />

        <fieldset className="space-y-2">
          <legend className="font-semibold">{t("tiers")}</legend>
          {errors.tiers && <p className="text-sm text-red-600">{errors.tiers}</p>}
          {tiers.map((tier, i) => (
            <div key={i} className="flex flex-wrap items-end gap-2" role="group" aria-label={t("tierLabel", { n: i + 1 })}>
              <div className="w-32">
                <TextField label={t("tierName")} value={tier.name} onChange={(e) => setTier(i, { name: e.target.value })} disabled={!draft} required maxLength={40} error={errors[`tiers.${i}.name`]} />
              </div>
              <div className="w-36">
                <TextField label={t("price")} type="number" min={1} max={10_000_000} value={tier.price} onChange={(e) => setTier(i, { price: e.target.value })} required error={errors[`tiers.${i}.price`]} />
              </div>
              <div className="space-y-1">
                <label htmlFor={`tier-colour-${i}`} className="block text-sm font-medium text-slate-700">
                  {t("colour")}
                </label>
                <input id={`tier-colour-${i}`} type="color" value={tier.colour} onChange={(e) => setTier(i, { colour: e.target.value })} className="h-10 w-14 rounded border border-slate-300" />
              </div>
              {draft && (
                <button type="button" className={BUTTON} onClick={() => setTiers((list) => list.filter((_, j) => j !== i))}>
                  {t("removeTier", { name: tier.name || i + 1 })}
                </button>
              )}
            </div>
          ))}
          {draft && (
            <button type="button" className={BUTTON} onClick={() => setTiers((list) => [...list, { name: "", price: "", colour: TIER_COLOURS[list.length % TIER_COLOURS.length]! }])}>
              {t("addTier")}
            </button>
          )}
        </fieldset>

        {venue.data && (
          <fieldset className="space-y-2">
            <legend className="font-semibold">{t("sectionTiers")}</legend>
            <p className="text-sm text-slate-600">{t("sectionTiersIntro")}</p>
            <div className="grid gap-2 sm:grid-cols-2">
              {venue.data.layout.sections.map((section) => (
                <div key={section.name} className="space-y-1">
                  <label htmlFor={`section-tier-${section.name}`} className="block text-sm font-medium text-slate-700">
                    {t("sectionTier", { section: section.name })}
                  </label>
                  <select
                    id={`section-tier-${section.name}`}
                    value={sectionTiers[section.name] ?? ""}
                    onChange={(e) => setSectionTiers((map) => ({ ...map, [section.name]: e.target.value }))}
                    aria-invalid={errors[`tierAssignments.${section.name}`] ? true : undefined}
                    aria-describedby={errors[`tierAssignments.${section.name}`] ? `section-tier-${section.name}-error` : undefined}
                    disabled={!draft}
                    className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2"
                  >
                    <option value="">{layoutTiers(section) ? t("layoutTier", { tier: layoutTiers(section)! }) : t("noTier")}</option>
                    {tiers.filter((tier) => tier.name).map((tier) => (
                      <option key={tier.name} value={tier.name}>
                        {tier.name}
                      </option>
                    ))}
                  </select>
                  {errors[`tierAssignments.${section.name}`] && (
                    <p id={`section-tier-${section.name}-error`} className="text-sm text-red-600">
                      {errors[`tierAssignments.${section.name}`]}
                    </p>
                  )}
                </div>
              ))}
            </div>
          </fieldset>
        )}

        <fieldset className="space-y-2">
          <legend className="font-semibold">{t("saleSettings")}</legend>
          <p className="text-sm text-slate-600">{t("saleSettingsIntro")}</p>
          <div className="grid gap-2 sm:grid-cols-2">
            <TextField label={t("activeLimit")} name="activeLimit" type="number" min={1} defaultValue={s.activeLimit ?? ""} error={errors["settings.activeLimit"]} />
            <TextField label={t("admitPerTick")} name="admitPerTick" type="number" min={1} defaultValue={s.admitPerTick ?? ""} error={errors["settings.admitPerTick"]} />
            <TextField label={t("activeTtlSeconds")} name="activeTtlSeconds" type="number" min={60} defaultValue={s.activeTtlSeconds ?? ""} error={errors["settings.activeTtlSeconds"]} />
            <TextField label={t("holdTtlSeconds")} name="holdTtlSeconds" type="number" min={60} max={1800} defaultValue={s.holdTtlSeconds ?? ""} error={errors["settings.holdTtlSeconds"]} />
            <TextField label={t("maxTickets")} name="maxTicketsPerAccount" type="number" min={1} max={100} defaultValue={s.maxTicketsPerAccount ?? ""} error={errors["settings.maxTicketsPerAccount"]} />
          </div>
        </fieldset>
        <OnSaleFields settings={s} timeZone={concert.timeZone} errors={errors} />
      </fieldset>
      {errors.form && <FormAlert>{errors.form}</FormAlert>}
      <p role="status" className="text-sm text-emerald-800">
        {saved ? t("saved") : ""}
      </p>
      {editable && (
        <button type="submit" className={PRIMARY} disabled={update.isPending}>
          {t("save")}
        </button>
      )}
    </form>
  );
}

const TIER_COLOURS = ["#7c3aed", "#2563eb", "#059669", "#d97706", "#db2777", "#0891b2"];

/** The tiers a section's layout gives its rows, when every row has one ("R", or "R, S"); else null. */
function layoutTiers(section: VenueLayout["sections"][number]): string | null {
  const tiers = section.rows.map((row) => row.tier ?? section.tier);
  if (tiers.some((tier) => tier === undefined)) return null;
  return [...new Set(tiers)].join(", ");
}

function Dates({ concert, editable }: { concert: OrganizerConcertView; editable: boolean }) {
  const t = useTranslations("OrganizerConcerts");
  const addDate = useConcertChange(concert.id, concertRequests(concert.id).addDate);
  const errorsOf = useChangeErrors();
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    const form = event.currentTarget;
    const data = new FormData(form);
    // Typed as the venue's wall-clock time, as the dates are shown; the API takes instants.
    const instant = (name: string) => instantOfWallTime(String(data.get(name)), concert.timeZone)?.toISOString() ?? "";
    addDate.mutate({ startsAt: instant("startsAt"), salesOpenAt: instant("salesOpenAt") }, { onSuccess: () => form.reset(), onError: (e) => setErrors(errorsOf(e)) });
  }

  return (
    <section aria-labelledby="dates-heading" className={CARD}>
      <h2 id="dates-heading" className="text-lg font-semibold">
        {t("dates")}
      </h2>
      {concert.schedules.length === 0 ? (
        <p className="text-slate-600">{t("noDates")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="text-slate-600">
                <th scope="col" className="py-1 pr-3 font-medium">{t("startsAt")}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t("salesOpenAt")}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t("seats")}</th>
              </tr>
            </thead>
            <tbody>
              {concert.schedules.map((date) => (
                <tr key={date.id} className="border-t border-slate-100">
                  <td className="py-1 pr-3"><LocalTime iso={date.startsAt} timeZone={concert.timeZone} /></td>
                  <td className="py-1 pr-3"><LocalTime iso={date.salesOpenAt} timeZone={concert.timeZone} /></td>
                  <td className="py-1 pr-3">{date.layoutVersion === null ? t("seatsAtPublish") : t("seatCount", { seats: date.seats, version: date.layoutVersion })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && (
        <form onSubmit={submit} className="space-y-3 border-t border-slate-100 pt-3" aria-labelledby="new-date-heading">
          <h3 id="new-date-heading" className="font-semibold">
            {t("addDate")}
          </h3>
          <p className="text-sm text-slate-600">{t("addDateIntro", { timeZone: concert.timeZone })}</p>
          {errors.form && !errors.startsAt && !errors.salesOpenAt && <FormAlert>{errors.form}</FormAlert>}
          <div className="grid gap-2 sm:grid-cols-2">
            <TextField label={t("startsAt")} name="startsAt" type="datetime-local" required error={errors.startsAt} />
            <TextField label={t("salesOpenAt")} name="salesOpenAt" type="datetime-local" required error={errors.salesOpenAt} />
          </div>
          <button type="submit" className={BUTTON} disabled={addDate.isPending}>
            {t("addDateButton")}
          </button>
        </form>
      )}
    </section>
  );
}

function CancelConcert({ concert }: { concert: OrganizerConcertView }) {
  const t = useTranslations("OrganizerConcerts");
  const cancel = useConcertChange(concert.id, concertRequests(concert.id).cancel);
  const errorsOf = useChangeErrors();
  return (
    <section aria-labelledby="cancel-heading" className={CARD}>
      <h2 id="cancel-heading" className="text-lg font-semibold">
        {t("cancelHeading")}
      </h2>
      <p className="text-sm text-slate-600">{t("cancelIntro")}</p>
      {cancel.isError && <FormAlert>{errorsOf(cancel.error).form}</FormAlert>}
      <ConfirmStep
        trigger={t("cancelConcert")}
        groupLabel={t("confirmCancelLabel")}
        prompt={t("confirmCancel")}
        confirm={t("cancelNow")}
        keep={t("keepOnSale")}
        pending={cancel.isPending}
        onConfirm={(close) => cancel.mutate(undefined, { onError: close })}
      />
    </section>
  );
}
