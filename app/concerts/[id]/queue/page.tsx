import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { WaitingRoom } from "@/components/queue/waiting-room";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { pageTitle } from "@/i18n/page-title";
import { findConcert } from "@/lib/catalogue/get-concert";
import { getSaleSettingsOrThrow } from "@/lib/queue/settings";

export const generateMetadata = pageTitle("waitingRoom");

type Props = { params: Promise<{ id: string }> };

export default async function WaitingRoomPage({ params }: Props) {
  const { id } = await params;
  await requireSignedIn(`/concerts/${id}/queue`);
  const concert = await findConcert(id);
  if (!concert) notFound();
  const { onSale } = await getSaleSettingsOrThrow(concert.id);
  const t = await getTranslations("Titles");
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("waitingRoom")}</h1>
      <WaitingRoom
        concertId={concert.id}
        title={concert.title}
        onSale={{ preQueueOpensAt: onSale.preQueueOpensAt?.toISOString() ?? null, salesOpenAt: onSale.salesOpenAt?.toISOString() ?? null }}
      />
    </div>
  );
}
