"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatKrw } from "@/lib/money";
import { MAX_SEATS_PER_HOLD } from "@/lib/schemas/booking";
import type { Tier } from "./seat-map";

interface BestSeatsProps {
  tiers: Tier[];
  /** The dearest price shown as in range, or null for any price. */
  maxPrice: number | null;
  onMaxPrice: (price: number | null) => void;
  /** Why the server cannot pick now (a hold is live), or null. */
  blockedBy: string | null;
  pending: boolean;
  onFind: (count: number) => void;
}

/** A price ceiling for the map, and "find me the best N seats" within it. */
export function BestSeats({ tiers, maxPrice, onMaxPrice, blockedBy, pending, onFind }: BestSeatsProps) {
  const t = useTranslations("SeatMap.best");
  const [count, setCount] = useState(2);
  const id = useId();
  const prices = [...new Set(tiers.map((tier) => tier.price))].sort((a, b) => a - b);
  return (
    <form
      aria-label={t("label")}
      className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3"
      onSubmit={(event) => {
        event.preventDefault();
        onFind(count);
      }}
    >
      <label className="space-y-1 text-sm font-medium text-slate-700" htmlFor={`${id}-price`}>
        <span className="block">{t("price")}</span>
        <select
          id={`${id}-price`}
          value={maxPrice ?? ""}
          onChange={(event) => onMaxPrice(event.target.value ? Number(event.target.value) : null)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
        >
          <option value="">{t("anyPrice")}</option>
          {prices.map((price) => (
            <option key={price} value={price}>
              {t("upTo", { price: formatKrw(price) })}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm font-medium text-slate-700" htmlFor={`${id}-count`}>
        <span className="block">{t("seats")}</span>
        <select id={`${id}-count`} value={count} onChange={(event) => setCount(Number(event.target.value))} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
          {Array.from({ length: MAX_SEATS_PER_HOLD }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        disabled={pending || blockedBy !== null}
        aria-describedby={blockedBy ? `${id}-blocked` : undefined}
        className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-50"
      >
        {pending ? t("finding") : t("find", { count })}
      </button>
      {blockedBy && (
        <p id={`${id}-blocked`} className="w-full text-xs text-slate-600">
          {blockedBy}
        </p>
      )}
    </form>
  );
}
