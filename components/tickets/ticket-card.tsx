"use client";

import { QRCodeSVG } from "qrcode.react";
import { formatKrw } from "@/lib/money";
import type { TicketView } from "@/lib/schemas/payments";

/** One ticket: its seat, price and the QR code shown at the door. */
export function TicketCard({ ticket }: { ticket: TicketView }) {
  const { seat } = ticket;
  return (
    <li className="flex gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <QRCodeSVG value={ticket.code} size={112} level="M" role="img" aria-label={`QR code for ticket ${ticket.code}`} className="shrink-0" />
      <div className="min-w-0 space-y-1 text-sm">
        <p className="font-semibold">
          {seat.section} · row {seat.row} · seat {seat.number}
        </p>
        <p className="text-slate-600">
          {seat.tier} · {formatKrw(ticket.price)}
        </p>
        <p className="font-mono text-xs tracking-wider" data-testid="ticket-code">
          {ticket.code}
        </p>
      </div>
    </li>
  );
}
