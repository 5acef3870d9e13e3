"use client";

import { useTranslations } from "next-intl";
import { formatKrw } from "@/lib/money";
import type { Section, Tier } from "./seat-map";

interface SectionOverviewProps {
  bands: Section[][];
  tiers: Tier[];
  /** Sections dearer than this throughout are shown as over the price. */
  maxPrice: number | null;
  onOpen: (section: string) => void;
  /** The section to give focus to (the one just left), if any. */
  focusOn: string | null;
}

/** A large venue at a glance: each section with its prices and free seats, to open one at a time. */
export function SectionOverview({ bands, tiers, maxPrice, onOpen, focusOn }: SectionOverviewProps) {
  const t = useTranslations("SeatMap");
  const colourOf = new Map(tiers.map((tier) => [tier.name, tier.colour]));
  return (
    <nav aria-label={t("sectionsLabel")} className="rounded-xl border border-slate-200 bg-white p-3 sm:p-5">
      <div className="mx-auto mb-6 w-2/3 min-w-48 rounded-b-3xl bg-slate-800 py-2 text-center text-xs font-semibold tracking-[0.3em] text-white">{t("stage")}</div>
      <ul className="flex flex-col items-center gap-4">
        {bands.map((band, b) => (
          <li key={b} className="w-full">
            <ul className="flex flex-wrap justify-center gap-3">
              {band.map((section) => {
                const seats = section.rows.flatMap((r) => r.seats);
                const free = seats.filter((s) => s.status === "AVAILABLE").length;
                const prices = seats.map((s) => s.price);
                const [low, high] = [Math.min(...prices), Math.max(...prices)];
                const overPrice = maxPrice !== null && low > maxPrice;
                return (
                  <li key={section.name}>
                    <button
                      type="button"
                      onClick={() => onOpen(section.name)}
                      autoFocus={section.name === focusOn}
                      className={`flex w-40 flex-col items-start gap-1 rounded-lg border border-slate-300 p-3 text-left hover:border-brand-600 hover:bg-brand-50 sm:w-44 ${overPrice ? "border-dashed opacity-60" : ""}`}
                    >
                      <span className="flex items-center gap-2 font-semibold">
                        <span className={`inline-block size-3 rounded-full ${colourOf.get(seats[0]!.tier)}`} aria-hidden />
                        {t("section", { name: section.name })}
                      </span>
                      <span className="text-sm text-slate-700">{low === high ? formatKrw(low) : `${formatKrw(low)}–${formatKrw(high)}`}</span>
                      <span className={`text-sm ${free === 0 ? "font-semibold text-red-700" : "text-slate-600"}`}>
                        {free === 0 ? t("soldOut") : t("sectionFree", { free, total: seats.length })}
                      </span>
                      {overPrice && <span className="text-xs font-medium text-slate-700">{t("best.overPrice")}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}
