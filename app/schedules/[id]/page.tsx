import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SeatPicker } from "@/components/booking/seat-picker";
import { QueueSessionBanner } from "@/components/queue/queue-session-banner";
import { LocalTime } from "@/components/ui/local-time";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { pageTitle } from "@/i18n/page-title";
import { findSchedule } from "@/lib/booking/find-schedule";

export const generateMetadata = pageTitle("pickSeats");

type Props = { params: Promise<{ id: string }> };

export default async function SchedulePage({ params }: Props) {
  const { id } = await params;
  await requireSignedIn(`/schedules/${id}`);
  const schedule = await findSchedule(id);
  if (!schedule) notFound();
  const t = await getTranslations("Titles");
  return (
    <div className="space-y-4">
      <header>
        <Link href={`/concerts/${schedule.concert.id}`} className="text-sm font-medium text-brand-600 hover:underline">
          ← {schedule.concert.title}
        </Link>
        <h1 className="text-2xl font-bold tracking-tight">{t("pickSeats")}</h1>
        <p className="text-slate-600">
          <LocalTime iso={schedule.startsAt.toISOString()} timeZone={schedule.concert.timeZone} /> · {schedule.concert.venue}
        </p>
      </header>
      <QueueSessionBanner concertId={schedule.concert.id} />
      <SeatPicker scheduleId={schedule.id} concertId={schedule.concert.id} />
    </div>
  );
}
