"use client";

import { useTranslations } from "next-intl";
import { QRCodeSVG } from "qrcode.react";
import { formatKrw } from "@/lib/money";
import type { TicketView } from "@/lib/schemas/payments";

/** One ticket: its seat, price and the QR code shown at the door. */
export function TicketCard({ ticket }: { ticket: TicketView }) {
  const t = useTranslations("Tickets");
  const { seat } = ticket;
  return (
    <li className="flex gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      {/* Dark on white with its own quiet zone, whatever the page's theme: scanners need both. */}
      <QRCodeSVG value={ticket.code} size={112} level="M" marginSize={2} bgColor="#ffffff" fgColor="#000000" role="img" aria-label={t("qr", { code: ticket.code })} className="shrink-0 rounded" />
      <div className="min-w-0 space-y-1 text-sm">
        <p className="font-semibold">{t("seat", { section: seat.section, row: seat.row, number: seat.number })}</p>
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
