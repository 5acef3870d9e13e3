"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { LocalTime } from "@/components/ui/local-time";
import { TextField } from "@/components/ui/text-field";
import { useProblemText } from "@/components/ui/use-problem-text";
import { formatKrw } from "@/lib/money";
import { salesCsvPath, useOrganizerConcert, useSales } from "./organizer-api";

/** A concert's orders, newest first, searchable, with every ticket as CSV. */
export function SalesList({ orgId, concertId }: { orgId: string; concertId: string }) {
  const t = useTranslations("OrganizerSales");
  const problemText = useProblemText();
  const concert = useOrganizerConcert(concertId);
  const [q, setQ] = useState("");
  const sales = useSales(concertId, q);
  const orders = sales.data?.pages.flatMap((page) => page.items) ?? [];

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQ(String(new FormData(event.currentTarget).get("q")).trim());
  }

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("heading", { title: concert.data?.title ?? "" })}</h1>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href={`/organizer/${orgId}/concerts/${concertId}/dashboard`} className="text-brand-600 underline hover:no-underline">
            {t("dashboard")}
          </Link>
          {/* A plain link: the browser downloads the stream as it comes. */}
          <a href={salesCsvPath(concertId)} download className="text-brand-600 underline hover:no-underline">
            {t("downloadCsv")}
          </a>
        </p>
      </div>
      <form role="search" onSubmit={search} className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <TextField label={t("search")} name="q" type="search" maxLength={100} hint={t("searchHint")} />
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t("searchButton")}
        </button>
      </form>
      {sales.isError && <FormAlert>{problemText.message(sales.error)}</FormAlert>}
      {sales.isSuccess && orders.length === 0 && <p className="text-slate-600">{q ? t("noMatch", { q }) : t("none")}</p>}
      {orders.length > 0 && (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("order")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("paidAt")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("buyer")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("date")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("seats")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("amount")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {orders.map((order) => (
                <tr key={order.orderNumber}>
                  <th scope="row" className="px-3 py-2 font-mono font-medium">{order.orderNumber}</th>
                  <td className="px-3 py-2"><LocalTime iso={order.paidAt} timeZone={concert.data?.timeZone} /></td>
                  <td className="px-3 py-2">
                    {order.buyer.name}
                    <span className="block text-xs text-slate-600">{order.buyer.email}</span>
                  </td>
                  <td className="px-3 py-2"><LocalTime iso={order.startsAt} timeZone={concert.data?.timeZone} /></td>
                  <td className="px-3 py-2">{order.seats.map((seat) => t("seat", { section: seat.section, row: seat.row, number: seat.number })).join(", ")}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatKrw(order.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sales.hasNextPage && (
        <button type="button" onClick={() => void sales.fetchNextPage()} disabled={sales.isFetchingNextPage} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60">
          {t("more")}
        </button>
      )}
    </div>
  );
}
