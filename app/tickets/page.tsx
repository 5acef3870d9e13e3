import type { Metadata } from "next";
import { TicketList } from "@/components/tickets/ticket-list";
import { requireSignedIn } from "@/components/auth/require-signed-in";

export const metadata: Metadata = { title: "Your tickets" };

export default async function TicketsPage() {
  await requireSignedIn("/tickets");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Your tickets</h1>
      <TicketList />
    </div>
  );
}
