import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WaitingRoom } from "@/components/queue/waiting-room";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { findConcert } from "@/lib/catalogue/get-concert";

export const metadata: Metadata = { title: "Waiting room" };

type Props = { params: Promise<{ id: string }> };

export default async function WaitingRoomPage({ params }: Props) {
  const { id } = await params;
  await requireSignedIn(`/concerts/${id}/queue`);
  const concert = await findConcert(id);
  if (!concert) notFound();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Waiting room</h1>
      <WaitingRoom concertId={concert.id} title={concert.title} />
    </div>
  );
}
