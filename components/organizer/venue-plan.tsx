"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { useProblemText } from "@/components/ui/use-problem-text";
import { layoutSeatCount } from "@/lib/organizer/venue-layout";
import { useVenue } from "./organizer-api";
import { SectionsSvg } from "./sections-svg";

/** A venue's newest layout: its sections on the plan, and each section's rows in a table. */
export function VenuePlan({ venueId }: { venueId: string }) {
  const t = useTranslations("Organizer");
  const problemText = useProblemText();
  const venue = useVenue(venueId);
  if (venue.isError) return <FormAlert>{problemText.message(venue.error)}</FormAlert>;
  if (!venue.data) return <p aria-busy="true">{t("loading")}</p>;
  const { layout } = venue.data;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{venue.data.name}</h1>
        <p className="text-slate-600">{t("venueSummary", { seats: layoutSeatCount(layout), version: venue.data.layoutVersion })}</p>
        <Link href={`/organizer/${venue.data.organizationId}/venues/${venue.data.id}/edit`} className="text-sm text-brand-600 underline hover:no-underline">
          {t("editLayout")}
        </Link>
      </div>
      <section aria-labelledby="plan-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="plan-heading" className="text-lg font-semibold">
          {t("plan")}
        </h2>
        <SectionsSvg layout={layout} label={t("planLabel", { sections: layout.sections.length })} />
      </section>
      <section aria-labelledby="sections-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="sections-heading" className="text-lg font-semibold">
          {t("sections")}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">{t("section")}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t("rows")}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t("seats")}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t("accessibleSeats")}</th>
                <th scope="col" className="py-1 font-medium">{t("blockedSeats")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {layout.sections.map((section) => (
                <tr key={section.name}>
                  <th scope="row" className="py-1 pr-3 font-medium">{section.name}</th>
                  <td className="py-1 pr-3">{section.rows.length}</td>
                  <td className="py-1 pr-3">{section.rows.reduce((sum, row) => sum + row.seats, 0)}</td>
                  <td className="py-1 pr-3">{section.rows.reduce((sum, row) => sum + row.accessible.length, 0)}</td>
                  <td className="py-1">{section.rows.reduce((sum, row) => sum + row.blocked.length, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
