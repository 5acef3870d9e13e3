import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BookableDates } from "@/components/booking/bookable-dates";
import { QueueSessionBanner } from "@/components/queue/queue-session-banner";
import { listConcertDates } from "@/lib/booking/list-concert-dates";
import { findConcert } from "@/lib/catalogue/get-concert";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const concert = await findConcert((await params).id);
  const t = await getTranslations("Concert");
  if (!concert) return { title: t("notFound") };
  const description = t("summary", { artist: concert.artist, venue: concert.venue, description: concert.description });
  return { title: concert.title, description, openGraph: { title: concert.title, description, type: "website", siteName: "Stagepass" } };
}

export default async function ConcertPage({ params }: Props) {
  const concert = await findConcert((await params).id);
  if (!concert) notFound();
  const dates = concert.status === "CANCELLED" ? [] : await listConcertDates(concert.id);
  const t = await getTranslations("Concert");
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm font-medium text-brand-600">{concert.artist}</p>
        <h1 className="text-3xl font-bold tracking-tight">{concert.title}</h1>
        <p className="text-slate-600">{concert.venue}</p>
        <p className="mt-3 max-w-2xl text-slate-700">{concert.description}</p>
      </header>
      {concert.status === "CANCELLED" ? (
        <p role="status" className="rounded-md border border-red-200 bg-red-50 p-4 text-red-900">
          {t("cancelled")}
        </p>
      ) : (
        <>
          <QueueSessionBanner concertId={concert.id} />
          <section aria-labelledby="dates-heading" className="space-y-3">
            <h2 id="dates-heading" className="text-xl font-semibold">
              {t("dates")}
            </h2>
            <BookableDates concertId={concert.id} dates={dates} timeZone={concert.timeZone} />
          </section>
        </>
      )}
    </div>
  );
}
