import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QueueSessionBanner } from "@/components/queue/queue-session-banner";
import { LocalTime } from "@/components/ui/local-time";
import { findConcert } from "@/lib/catalogue/get-concert";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const concert = await findConcert((await params).id);
  return { title: concert?.title ?? "Concert not found" };
}

export default async function ConcertPage({ params }: Props) {
  const concert = await findConcert((await params).id);
  if (!concert) notFound();
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm font-medium text-brand-600">{concert.artist}</p>
        <h1 className="text-3xl font-bold tracking-tight">{concert.title}</h1>
        <p className="text-slate-600">{concert.venue}</p>
        <p className="mt-3 max-w-2xl text-slate-700">{concert.description}</p>
      </header>
      <QueueSessionBanner concertId={concert.id} />
      <section aria-labelledby="dates-heading" className="space-y-3">
        <h2 id="dates-heading" className="text-xl font-semibold">
          Dates
        </h2>
        {concert.upcoming.length === 0 ? (
          <p className="text-slate-600">No upcoming dates.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" aria-label="Performance dates">
            {concert.upcoming.map((iso) => (
              <li key={iso} className="px-4 py-3">
                <LocalTime iso={iso} className="font-medium" />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
