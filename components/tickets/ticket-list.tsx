"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTickets } from "@/components/wallet/wallet-api";
import { LocalTime } from "@/components/ui/local-time";
import { FormAlert } from "@/components/ui/form-alert";
import { groupTickets } from "./group-tickets";
import { TicketCard } from "./ticket-card";

export function TicketList() {
  const t = useTranslations("Tickets");
  const tickets = useTickets();
  if (tickets.isPending) return <p aria-busy="true">{t("loading")}</p>;
  if (tickets.isError) return <FormAlert>{t("loadFailed")}</FormAlert>;
  const shows = groupTickets(tickets.data.pages.flatMap((p) => p.items));
  if (shows.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
        <p className="font-medium">{t("none")}</p>
        <p className="mt-1 text-sm text-slate-600">{t("noneHint")}</p>
        <Link href="/" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("findConcert")}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-8">
      {shows.map((show) => (
        <section key={show.key} aria-labelledby={`show-${show.key}`} className="space-y-3">
          <div>
            <h2 id={`show-${show.key}`} className="text-lg font-semibold">
              {show.concert.title}
            </h2>
            <p className="text-sm text-slate-600">
              <LocalTime iso={show.startsAt} timeZone={show.concert.timeZone} /> · {show.concert.venue}
            </p>
          </div>
          {show.orders.map((order) => (
            <div key={order.orderNumber} className="space-y-2">
              <p className="text-sm text-slate-700">
                {t.rich("orderLine", {
                  orderNumber: order.orderNumber,
                  link: (chunks) => (
                    <Link href={`/orders/${order.orderNumber}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {chunks}
                    </Link>
                  ),
                  time: () => <LocalTime iso={order.paidAt} />,
                })}
              </p>
              <ul className="grid gap-4 sm:grid-cols-2" aria-label={t("orderTickets", { orderNumber: order.orderNumber })}>
                {order.tickets.map((ticket) => (
                  <TicketCard key={ticket.id} ticket={ticket} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {tickets.hasNextPage && (
        <button onClick={() => void tickets.fetchNextPage()} className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100">
          {t("more")}
        </button>
      )}
    </div>
  );
}
