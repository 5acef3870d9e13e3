import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ConcertSummary } from "@/lib/schemas/concerts";
import { LocalTime } from "@/components/ui/local-time";

export function ConcertCard({ concert }: { concert: ConcertSummary }) {
  const t = useTranslations("Home");
  const [next, ...later] = concert.upcoming;
  return (
    <article className="flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <p className="text-sm font-medium text-brand-600">{concert.artist}</p>
      <h2 className="mt-1 text-xl font-semibold">
        <Link href={`/concerts/${concert.id}`} className="hover:text-brand-600 hover:underline">
          {concert.title}
        </Link>
      </h2>
      <p className="text-sm text-slate-600">{concert.venue}</p>
      {concert.status === "CANCELLED" && <p className="mt-2 w-fit rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">{t("cancelled")}</p>}
      <p className="mt-3 flex-1 text-sm text-slate-700">{concert.description}</p>
      <p className="mt-4 text-sm text-slate-700">
        {next ? (
          <>
            {t.rich("next", { time: () => <LocalTime iso={next} timeZone={concert.timeZone} className="font-medium" /> })}
            {later.length > 0 && <span className="text-slate-500"> · {t("moreDates", { count: later.length })}</span>}
          </>
        ) : (
          t("noDates")
        )}
      </p>
    </article>
  );
}
