"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useQueueToken } from "@/components/queue/queue-api";
import { LocalTime } from "@/components/ui/local-time";
import { useProblemText } from "@/components/ui/use-problem-text";
import { ApiProblem } from "@/lib/client/api";
import { formatKrw } from "@/lib/money";
import type { ConcertDateView, DateAvailability } from "@/lib/schemas/booking";
import { useBookableDates } from "./booking-api";

const AVAILABILITY_LOOK: Record<DateAvailability, string> = {
  AVAILABLE: "bg-emerald-50 text-emerald-800",
  SELLING_FAST: "bg-amber-50 text-amber-900",
  SOLD_OUT: "bg-slate-100 text-slate-700",
  NOT_ON_SALE_YET: "bg-brand-50 text-brand-700",
};

const priceRange = ({ min, max }: { min: number; max: number }) => (min === max ? formatKrw(min) : `${formatKrw(min)}–${formatKrw(max)}`);

/**
 * A concert's dates: for everyone, when each goes on sale, its prices and how much is left;
 * once it is your turn in the waiting room, the dates you can book now.
 */
export function BookableDates({ concertId, dates: upcoming, timeZone }: { concertId: string; dates: ConcertDateView[]; timeZone: string }) {
  const t = useTranslations("Concert");
  const problemText = useProblemText();
  const token = useQueueToken(concertId);
  const dates = useBookableDates(concertId, token);
  const shopping = dates.isSuccess;

  if (!shopping) {
    // Not your turn (yet): the dates, for information only.
    return (
      <div className="space-y-2">
        {dates.error instanceof ApiProblem && !dates.error.problem.code.startsWith("QUEUE") && (
          <p className="text-sm text-red-600">{problemText.message(dates.error)}</p>
        )}
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" aria-label={t("performanceDates")}>
          {upcoming.map((date) => (
            <li key={date.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3">
              <span>
                <LocalTime iso={date.startsAt} timeZone={timeZone} className="font-medium" />
                <span className="block text-sm text-slate-600">
                  {priceRange(date.prices)}
                  {date.onSale ? "" : (
                    <>
                      {" · "}
                      {t.rich("salesOpen", { time: () => <LocalTime iso={date.salesOpenAt} timeZone={timeZone} /> })}
                    </>
                  )}
                </span>
              </span>
              <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${AVAILABILITY_LOOK[date.availability]}`}>{t(`availability.${date.availability}`)}</span>
            </li>
          ))}
        </ul>
        {upcoming.length === 0 && <p className="text-slate-600">{t("noDates")}</p>}
      </div>
    );
  }
  if (dates.data.items.length === 0) return <p className="text-slate-600">{t("nothingBookable")}</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label={t("bookableDates")}>
      {dates.data.items.map((date) => (
        <li key={date.id}>
          <Link
            href={`/schedules/${date.id}`}
            className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            <LocalTime iso={date.startsAt} timeZone={timeZone} className="font-semibold" />
            <span className="mt-1 block text-sm text-slate-600">
              {t("seatsFree", { available: date.seats.available, total: date.seats.total, prices: priceRange(date.prices) })}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
