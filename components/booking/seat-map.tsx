"use client";

import { useTranslations } from "next-intl";
import { memo, useCallback, useMemo, useState, type KeyboardEvent } from "react";
import { formatKrw } from "@/lib/money";
import type { SeatView } from "@/lib/schemas/booking";
import { seatLabel } from "./seat-label";

// Tier colours, most expensive first, for seats (bg) and the section plan (fill). Full
// class names so Tailwind keeps them.
const TIER_COLOURS = ["bg-violet-600", "bg-sky-600", "bg-emerald-600", "bg-amber-500", "bg-rose-500", "bg-teal-600"];
const TIER_FILLS = ["fill-violet-600", "fill-sky-600", "fill-emerald-600", "fill-amber-500", "fill-rose-500", "fill-teal-600"];
// Seats others hold or bought: told apart from free seats by more than colour (a 3:1 outline).
export const HELD_LOOK = "bg-slate-100 border-2 border-slate-500";
export const SOLD_LOOK = "bg-slate-600";

export interface Tier {
  name: string;
  price: number;
  colour: string;
  fill: string;
}

/** Tiers by price, dearest first, each with its colour. */
export function tiersOf(seats: SeatView[]): Tier[] {
  const byName = new Map<string, number>();
  for (const s of seats) byName.set(s.tier, Math.max(byName.get(s.tier) ?? 0, s.price));
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, price], i) => ({ name, price, colour: TIER_COLOURS[i % TIER_COLOURS.length]!, fill: TIER_FILLS[i % TIER_FILLS.length]! }));
}

export interface Section {
  name: string;
  rank: number;
  rows: { label: string; seats: SeatView[] }[];
}

/** Sections grouped into bands by price (dearest nearest the stage), rows in order. */
export function sectionBands(seats: SeatView[], tiers: Tier[]): Section[][] {
  const rank = new Map(tiers.map((t, i) => [t.name, i]));
  const sections = new Map<string, Section>();
  for (const seat of seats) {
    const section = sections.get(seat.section) ?? { name: seat.section, rank: rank.get(seat.tier) ?? 0, rows: [] };
    sections.set(seat.section, section);
    section.rank = Math.min(section.rank, rank.get(seat.tier) ?? 0);
    const row = section.rows.find((r) => r.label === seat.row) ?? section.rows[section.rows.push({ label: seat.row, seats: [] }) - 1]!;
    row.seats.push(seat);
  }
  const bands = new Map<number, Section[]>();
  for (const section of sections.values()) {
    section.rows.sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
    for (const row of section.rows) row.seats.sort((a, b) => a.number - b.number);
    bands.set(section.rank, [...(bands.get(section.rank) ?? []), section]);
  }
  return [...bands.entries()].sort((a, b) => a[0] - b[0]).map(([, band]) => band.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })));
}

interface SeatMapProps {
  seats: SeatView[];
  tiers: Tier[];
  /** Seats dearer than this are shown faded (still pickable), or null for any price. */
  maxPrice: number | null;
  selected: ReadonlySet<string>;
  mine: ReadonlySet<string>;
  /** Seats of our hold picked to be given back. */
  released: ReadonlySet<string>;
  onToggle: (seat: SeatView) => void;
}

/**
 * The seats as buttons, sections in price bands below the stage. One Tab stop for the
 * whole map (a roving tabindex): arrow keys move between seats, Home and End to a row's
 * ends, and Tab goes on to what follows the map.
 */
export function SeatMap({ seats, tiers, maxPrice, selected, mine, released, onToggle }: SeatMapProps) {
  const bands = useMemo(() => sectionBands(seats, tiers), [seats, tiers]);
  const colourOf = useMemo(() => new Map(tiers.map((t) => [t.name, t.colour])), [tiers]);
  const [focused, setFocused] = useState<string | null>(null);
  const t = useTranslations("SeatMap");
  // One function for every seat's spoken name, stable while the language is, so seats stay memoised.
  const describe = useCallback(
    (seat: SeatView, state: SeatState) =>
      t("seat", { section: seat.section, row: seat.row, number: seat.number, tier: seat.tier, price: formatKrw(seat.price), state: t(`state.${state}`) }),
    [t],
  );
  // The Tab stop: the seat last focused while it is on the map, else the first free seat.
  const tabStop = (focused && seats.some((s) => s.id === focused) ? focused : null) ?? (seats.find((s) => s.status === "AVAILABLE") ?? seats[0])?.id;
  return (
    <div
      className="overflow-auto rounded-xl border border-slate-200 bg-white p-3 sm:p-5"
      onKeyDown={moveFocus}
      onFocus={(event) => {
        const id = (event.target as HTMLElement).dataset.seat;
        if (id) setFocused(id);
      }}
      role="group"
      aria-label={t("mapLabel")}
    >
      <div className="mx-auto mb-6 w-2/3 min-w-48 rounded-b-3xl bg-slate-800 py-2 text-center text-xs font-semibold tracking-[0.3em] text-white">{t("stage")}</div>
      <div className="flex min-w-max flex-col items-center gap-8">
        {bands.map((band, b) => (
          <div key={b} className="flex flex-wrap justify-center gap-10">
            {band.map((section) => (
              <section key={section.name} aria-label={t("section", { name: section.name })} className="space-y-1">
                <h3 className="text-center text-xs font-semibold uppercase tracking-wide text-slate-500">{section.name}</h3>
                {section.rows.map((row) => (
                  <div key={row.label} data-row className="flex items-center gap-1">
                    <span className="w-5 text-right text-[10px] text-slate-400" aria-hidden>
                      {row.label}
                    </span>
                    {row.seats.map((seat) => (
                      <SeatButton
                        key={seat.id}
                        seat={seat}
                        colour={colourOf.get(seat.tier)!}
                        selected={selected.has(seat.id)}
                        mine={mine.has(seat.id)}
                        releasing={released.has(seat.id)}
                        overPrice={maxPrice !== null && seat.price > maxPrice}
                        tabbable={seat.id === tabStop}
                        onToggle={onToggle}
                        describe={describe}
                      />
                    ))}
                  </div>
                ))}
              </section>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

type SeatState = "available" | "held" | "sold" | "selected" | "mine" | "releasing";

interface SeatButtonProps {
  seat: SeatView;
  colour: string;
  selected: boolean;
  mine: boolean;
  releasing: boolean;
  overPrice: boolean;
  tabbable: boolean;
  onToggle: (seat: SeatView) => void;
  describe: (seat: SeatView, state: SeatState) => string;
}

// Memoised: a refresh or a click re-renders only the seats that changed, which keeps a
// 2,000-seat map responsive.
const SeatButton = memo(function SeatButton({ seat, colour, selected, mine, releasing, overPrice, tabbable, onToggle, describe }: SeatButtonProps) {
  const available = seat.status === "AVAILABLE";
  const state: SeatState = releasing ? "releasing" : mine ? "mine" : selected ? "selected" : available ? "available" : seat.status === "HELD" ? "held" : "sold";
  const look = releasing
    ? "bg-white ring-2 ring-emerald-700"
    : mine
    ? "bg-emerald-300 ring-2 ring-emerald-700"
    : selected
      ? `${colour} ring-2 ring-offset-1 ring-slate-900`
      : available
        ? `${colour} hover:opacity-80`
        : seat.status === "HELD"
          ? HELD_LOOK
          : SOLD_LOOK;
  return (
    <button
      type="button"
      data-seat={seat.id}
      tabIndex={tabbable ? 0 : -1}
      // aria-disabled rather than disabled: taken seats stay reachable by keyboard and are announced.
      aria-disabled={!available && !selected && !mine}
      aria-pressed={selected || (mine && !releasing)}
      aria-label={describe(seat, state)}
      title={`${seatLabel(seat)} · ${seat.tier} · ${formatKrw(seat.price)}`}
      onClick={() => onToggle(seat)}
      className={`size-5 shrink-0 rounded-t-md pointer-coarse:size-6 text-[9px] text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-1 aria-disabled:cursor-not-allowed ${look} ${overPrice && available && !selected ? "opacity-30" : ""}`}
    >
      {selected ? "✓" : releasing ? <span className="text-emerald-800">×</span> : ""}
    </button>
  );
});

/** Arrow keys move between seats: along the row, and to the nearest seat of the row above or below; Home and End to the row's ends. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const current = event.target as HTMLElement;
  if (!current.matches("[data-seat]")) return;
  const row = current.closest("[data-row]");
  const seatsIn = (r: Element | null) => (r ? [...r.querySelectorAll<HTMLElement>("[data-seat]")] : []);
  const here = seatsIn(row);
  const index = here.indexOf(current);
  let target: HTMLElement | undefined;
  if (event.key === "ArrowRight") target = here[index + 1];
  else if (event.key === "ArrowLeft") target = here[index - 1];
  else if (event.key === "Home") target = here[0];
  else if (event.key === "End") target = here.at(-1);
  else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
    const next = event.key === "ArrowUp" ? row?.previousElementSibling : row?.nextElementSibling;
    const seats = next?.matches("[data-row]") ? seatsIn(next) : [];
    target = seats[Math.min(index, seats.length - 1)];
  } else return;
  event.preventDefault();
  target?.focus();
}
