"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { FormAlert } from "@/components/ui/form-alert";
import { useProblemText } from "@/components/ui/use-problem-text";
import { formatDateTime, formatTimeOfDay } from "@/lib/date-time";
import type { Locale } from "@/lib/i18n/locale";
import { formatKrw } from "@/lib/money";
import type { DashboardView } from "@/lib/schemas/organizer-dashboard";
import { DASHBOARD_REFRESH_MS, useDashboard, useOrganization, useOrganizerConcert, useQueuePause, useVenue } from "./organizer-api";
import { SectionsSvg } from "./sections-svg";
import { CARD } from "@/components/ui/styles";


/** A concert's live on-sale dashboard: the line, sales and seats, read again every few seconds. */
export function ConcertDashboard({ orgId, concertId }: { orgId: string; concertId: string }) {
  const t = useTranslations("OrganizerDashboard");
  const problemText = useProblemText();
  const concert = useOrganizerConcert(concertId);
  const dashboard = useDashboard(concertId);
  const role = useOrganization(concert.data?.organizationId ?? orgId).data?.role;
  const admissions = useAdmissionSamples(dashboard.data);

  if (dashboard.isError && !dashboard.data) return <FormAlert>{problemText.message(dashboard.error)}</FormAlert>;
  if (!dashboard.data || !concert.data) return <p aria-busy="true">{t("loading")}</p>;
  const d = dashboard.data;
  const timeZone = concert.data.timeZone;
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("heading", { title: concert.data.title })}</h1>
        <p className="text-sm text-slate-600">{t("refreshes", { seconds: DASHBOARD_REFRESH_MS / 1000 })}</p>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href={`/organizer/${orgId}/concerts/${concertId}`} className="text-brand-600 underline hover:no-underline">
            {t("concertPage")}
          </Link>
          <Link href={`/organizer/${orgId}/concerts/${concertId}/sales`} className="text-brand-600 underline hover:no-underline">
            {t("salesList")}
          </Link>
        </p>
      </div>
      {dashboard.isError && <FormAlert>{problemText.message(dashboard.error)}</FormAlert>}
      <QueuePanel concertId={concertId} dashboard={d} canManage={role === "OWNER" || role === "MANAGER"} />
      <section aria-labelledby="sales-heading" className={CARD}>
        <h2 id="sales-heading" className="text-lg font-semibold">
          {t("sales")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label={t("ticketsSold")} value={d.ticketsSold.toLocaleString()} />
          <Stat label={t("revenue")} value={formatKrw(d.revenue)} />
          <Stat label={t("holdsLive")} value={d.holdsLive.toLocaleString()} />
          <Stat label={t("paymentsLastMinute")} value={(d.perMinute.at(-1)?.payments ?? 0).toLocaleString()} />
        </dl>
        <div className="grid gap-4 md:grid-cols-2">
          <BarChart title={t("ticketsPerMinute")} bars={d.perMinute.map((m) => ({ at: m.minute, value: m.tickets }))} timeZone={timeZone} />
          <BarChart title={t("revenuePerMinute")} bars={d.perMinute.map((m) => ({ at: m.minute, value: m.revenue }))} timeZone={timeZone} format={formatKrw} />
          <BarChart title={t("admissions")} bars={admissions} timeZone={timeZone} empty={t("admissionsEmpty")} />
          <BarChart title={t("errorsPerMinute")} bars={d.perMinute.map((m) => ({ at: m.minute, value: m.errors }))} timeZone={timeZone} tone="error" />
        </div>
      </section>
      <TierTable dashboard={d} />
      <HeatMap dashboard={d} venueId={concert.data.venueId} timeZone={timeZone} />
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg bg-slate-50 p-3">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/** Admissions between refreshes, from how far the line's "serving" number moved since this page opened. */
function useAdmissionSamples(dashboard: DashboardView | undefined) {
  const [samples, setSamples] = useState<{ at: string; serving: number }[]>([]);
  // Each new reading is added as it is rendered (React's way to keep state from earlier props).
  if (dashboard && samples.at(-1)?.at !== dashboard.generatedAt) {
    setSamples([...samples, { at: dashboard.generatedAt, serving: dashboard.queue.serving }].slice(-31));
  }
  return samples.slice(1).map((sample, i) => ({ at: sample.at, value: Math.max(0, sample.serving - samples[i]!.serving) }));
}

function QueuePanel({ concertId, dashboard, canManage }: { concertId: string; dashboard: DashboardView; canManage: boolean }) {
  const t = useTranslations("OrganizerDashboard");
  const problemText = useProblemText();
  const pause = useQueuePause(concertId);
  const q = dashboard.queue;
  const eta = q.lastInLineEtaSeconds;
  return (
    <section aria-labelledby="line-heading" className={CARD}>
      <h2 id="line-heading" className="text-lg font-semibold">
        {t("line")}
      </h2>
      {q.paused && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {t("pausedNotice")}
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <Stat label={t("waiting")} value={q.waiting.toLocaleString()} />
        <Stat label={t("admitted")} value={q.admitted.toLocaleString()} />
        <Stat label={t("shopping")} value={t("ofLimit", { active: q.active, limit: q.activeLimit })} />
        <Stat label={t("admittedPerMinute")} value={q.admittedPerMinute.toLocaleString()} />
        <Stat label={t("lastInLine")} value={eta === null ? "—" : t("eta", { minutes: Math.ceil(eta / 60) })} />
      </dl>
      {pause.isError && <FormAlert>{problemText.message(pause.error)}</FormAlert>}
      {canManage && dashboard.status === "PUBLISHED" && (
        <ConfirmStep
          trigger={q.paused ? t("resume") : t("pause")}
          groupLabel={q.paused ? t("confirmResumeLabel") : t("confirmPauseLabel")}
          prompt={q.paused ? t("confirmResume") : t("confirmPause")}
          confirm={q.paused ? t("resumeNow") : t("pauseNow")}
          keep={t("keep")}
          tone={q.paused ? "primary" : "danger"}
          pending={pause.isPending}
          onConfirm={(close) => pause.mutate(!q.paused, { onSettled: close })}
        />
      )}
    </section>
  );
}

interface Bar {
  at: string;
  value: number;
}

/** Bars over time, one per minute (or per refresh), with a summary for assistive technology. */
function BarChart({ title, bars, timeZone, format = (n) => n.toLocaleString(), tone = "brand", empty }: { title: string; bars: Bar[]; timeZone: string; format?: (n: number) => string; tone?: "brand" | "error"; empty?: string }) {
  const t = useTranslations("OrganizerDashboard");
  const locale = useLocale() as Locale;
  const total = bars.reduce((sum, bar) => sum + bar.value, 0);
  const peak = bars.reduce<Bar | null>((best, bar) => (!best || bar.value > best.value ? bar : best), null);
  const max = Math.max(1, peak?.value ?? 0);
  const summary =
    peak && peak.value > 0
      ? t("chartSummary", { title, total: format(total), peak: format(peak.value), at: formatTimeOfDay(peak.at, timeZone, locale) })
      : t("chartEmpty", { title });
  return (
    <figure className="space-y-1">
      <figcaption className="text-sm font-medium text-slate-700">
        {title} <span className="font-normal text-slate-500">· {format(total)}</span>
      </figcaption>
      {bars.length === 0 && empty ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <svg viewBox={`0 0 ${Math.max(bars.length, 1) * 10} 40`} preserveAspectRatio="none" className="h-24 w-full rounded bg-slate-50" role="img" aria-label={summary}>
          {bars.map((bar, i) => {
            const h = (bar.value / max) * 38;
            return (
              <rect key={bar.at} x={i * 10 + 1} y={40 - h} width={8} height={h} className={tone === "error" ? "fill-red-500" : "fill-brand-500"}>
                <title>{`${formatTimeOfDay(bar.at, timeZone, locale)}: ${format(bar.value)}`}</title>
              </rect>
            );
          })}
        </svg>
      )}
    </figure>
  );
}

function TierTable({ dashboard }: { dashboard: DashboardView }) {
  const t = useTranslations("OrganizerDashboard");
  return (
    <section aria-labelledby="tiers-heading" className={CARD}>
      <h2 id="tiers-heading" className="text-lg font-semibold">
        {t("seatsByTier")}
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm tabular-nums">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">{t("tier")}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t("price")}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t("sold")}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t("held")}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t("free")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {dashboard.tiers.map((tier) => (
              <tr key={tier.name}>
                <th scope="row" className="py-1 pr-3 font-medium">
                  <span aria-hidden="true" className="mr-2 inline-block h-3 w-3 rounded-sm align-middle" style={{ backgroundColor: tier.colour }} />
                  {tier.name}
                </th>
                <td className="py-1 pr-3">{formatKrw(tier.price)}</td>
                <td className="py-1 pr-3">{t("ofSeats", { count: tier.sold, seats: tier.seats })}</td>
                <td className="py-1 pr-3">{tier.held.toLocaleString()}</td>
                <td className="py-1 pr-3">{tier.free.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Sold seats per section on the venue's plan, for one date at a time. */
function HeatMap({ dashboard, venueId, timeZone }: { dashboard: DashboardView; venueId: string; timeZone: string }) {
  const t = useTranslations("OrganizerDashboard");
  const locale = useLocale() as Locale;
  const venue = useVenue(venueId);
  const [picked, setPicked] = useState<string | null>(null);
  const dateId = picked ?? dashboard.dates[0]?.id;
  if (!dateId || !venue.data) return null;
  // In the plan's order.
  const order = new Map(venue.data.layout.sections.map((section, i) => [section.name, i]));
  const sections = dashboard.sections.filter((s) => s.scheduleId === dateId).sort((a, b) => (order.get(a.section) ?? 0) - (order.get(b.section) ?? 0));
  const shareOf = new Map(sections.map((s) => [s.section, s.seats ? s.sold / s.seats : 0]));
  return (
    <section aria-labelledby="heat-heading" className={CARD}>
      <h2 id="heat-heading" className="text-lg font-semibold">
        {t("heatMap")}
      </h2>
      {dashboard.dates.length > 1 && (
        <div className="space-y-1">
          <label htmlFor="heat-date" className="block text-sm font-medium text-slate-700">
            {t("date")}
          </label>
          <select id="heat-date" value={dateId} onChange={(e) => setPicked(e.target.value)} className="rounded-md border border-slate-300 bg-white px-3 py-2">
            {dashboard.dates.map((date) => (
              <option key={date.id} value={date.id}>
                {formatDateTime(date.startsAt, timeZone, locale)}
              </option>
            ))}
          </select>
        </div>
      )}
      <SectionsSvg layout={venue.data.layout} label={t("heatMapLabel")} share={(name) => shareOf.get(name) ?? 0} />
      <ul className="grid gap-1 text-sm sm:grid-cols-2" aria-label={t("soldBySection")}>
        {sections.map((s) => (
          <li key={s.section}>
            <span className="font-medium">{s.section}</span>: {t("ofSeats", { count: s.sold, seats: s.seats })}
          </li>
        ))}
      </ul>
    </section>
  );
}
