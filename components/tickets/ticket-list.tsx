"use client";

import { QRCodeSVG } from "qrcode.react";
import { useTickets } from "@/components/wallet/wallet-api";
import { LocalTime } from "@/components/ui/local-time";
import { FormAlert } from "@/components/ui/form-alert";
import { formatKrw } from "@/lib/money";

export function TicketList() {
  const tickets = useTickets();
  if (tickets.isPending) return <p aria-busy="true">Loading your tickets…</p>;
  if (tickets.isError) return <FormAlert>Your tickets could not be loaded: {tickets.error.message}</FormAlert>;
  const items = tickets.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p className="text-slate-600">No tickets yet.</p>;
  return (
    <div className="space-y-4">
      <ul className="grid gap-4 sm:grid-cols-2" aria-label="Tickets">
        {items.map((ticket) => (
          <li key={ticket.id} className="flex gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <QRCodeSVG value={ticket.code} size={112} level="M" role="img" aria-label={`QR code for ticket ${ticket.code}`} className="shrink-0" />
            <div className="min-w-0 space-y-1 text-sm">
              <p className="font-semibold">{ticket.concert.title}</p>
              <p>
                <LocalTime iso={ticket.startsAt} timeZone={ticket.concert.timeZone} />
              </p>
              <p className="text-slate-600">{ticket.concert.venue}</p>
              <p>
                {ticket.seat.section} · row {ticket.seat.row} · seat {ticket.seat.number} ({ticket.seat.tier})
              </p>
              <p className="text-slate-600">
                {formatKrw(ticket.price)} · paid <LocalTime iso={ticket.paidAt} />
              </p>
              <p className="font-mono text-xs tracking-wider" data-testid="ticket-code">
                {ticket.code}
              </p>
            </div>
          </li>
        ))}
      </ul>
      {tickets.hasNextPage && (
        <button onClick={() => void tickets.fetchNextPage()} className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100">
          More tickets
        </button>
      )}
    </div>
  );
}
