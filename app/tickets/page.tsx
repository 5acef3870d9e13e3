import type { Metadata } from "next";
import { TicketList } from "@/components/tickets/ticket-list";
import { requireSignedIn } from "@/components/auth/require-signed-in";

export const metadata: Metadata = { title: "Your tickets" };

export default async function TicketsPage({ searchParams }: { searchParams: Promise<{ paid?: string }> }) {
  await requireSignedIn("/tickets");
  const { paid } = await searchParams;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Your tickets</h1>
      {paid && (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900">
          Payment complete — your tickets are below. Show the QR code at the door.
        </p>
      )}
      <TicketList />
    </div>
  );
}
