"use client";

import Link from "next/link";
import { useQueueToken } from "@/components/queue/queue-api";
import { LocalTime } from "@/components/ui/local-time";
import { ApiProblem } from "@/lib/client/api";
import { formatKrw } from "@/lib/money";
import { useBookableDates } from "./booking-api";

/** The dates you can book now; needs your turn in the waiting room. */
export function BookableDates({ concertId, upcoming, timeZone }: { concertId: string; upcoming: string[]; timeZone: string }) {
  const token = useQueueToken(concertId);
  const dates = useBookableDates(concertId, token);
  const shopping = dates.isSuccess;

  if (!shopping) {
    // Not your turn (yet): the dates, for information only.
    return (
      <div className="space-y-2">
        {dates.error instanceof ApiProblem && !dates.error.problem.code.startsWith("QUEUE") && (
          <p className="text-sm text-red-600">{dates.error.message}</p>
        )}
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" aria-label="Performance dates">
          {upcoming.map((iso) => (
            <li key={iso} className="px-4 py-3">
              <LocalTime iso={iso} timeZone={timeZone} className="font-medium" />
            </li>
          ))}
        </ul>
        {upcoming.length === 0 && <p className="text-slate-600">No upcoming dates.</p>}
      </div>
    );
  }
  if (dates.data.items.length === 0) return <p className="text-slate-600">Every date is sold out or not on sale right now.</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label="Bookable dates">
      {dates.data.items.map((date) => (
        <li key={date.id}>
          <Link
            href={`/schedules/${date.id}`}
            className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            <LocalTime iso={date.startsAt} timeZone={timeZone} className="font-semibold" />
            <span className="mt-1 block text-sm text-slate-600">
              {date.seats.available} of {date.seats.total} seats free · {formatKrw(date.prices.min)}–{formatKrw(date.prices.max)}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
