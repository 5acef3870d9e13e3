import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { TicketCard } from "@/components/tickets/ticket-card";
import { LocalTime } from "@/components/ui/local-time";
import { pageTitle } from "@/i18n/page-title";
import { NotFoundError } from "@/lib/errors";
import { formatKrw } from "@/lib/money";
import { getOrderOrThrow } from "@/lib/payments/get-order";
import { orderNumberParam } from "@/lib/schemas/payments";

export const generateMetadata = pageTitle("order");

async function findOrder(userId: string, orderNumber: string) {
  const parsed = orderNumberParam.safeParse({ orderNumber });
  if (!parsed.success) notFound();
  try {
    return await getOrderOrThrow(userId, parsed.data.orderNumber);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function OrderPage({ params, searchParams }: { params: Promise<{ orderNumber: string }>; searchParams: Promise<{ paid?: string }> }) {
  const { orderNumber } = await params;
  const user = await requireSignedIn(`/orders/${encodeURIComponent(orderNumber)}`);
  const order = await findOrder(user.id, orderNumber);
  const { paid } = await searchParams;
  const t = await getTranslations("Order");
  return (
    <div className="space-y-6">
      {paid && (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900">
          {t("paid")}
        </p>
      )}
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title", { orderNumber: order.orderNumber })}</h1>
        <p className="mt-1 text-slate-700">
          {order.concert.title} · <LocalTime iso={order.startsAt} timeZone={order.concert.timeZone} /> · {order.concert.venue}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-4 rounded-xl border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
        {(
          [
            ["paidAt", <LocalTime key="paid" iso={order.paidAt} />],
            ["seats", order.tickets.length],
            ["total", formatKrw(order.amount)],
            ["balanceAfter", formatKrw(order.balanceAfter)],
          ] as const
        ).map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-600">{t(label)}</dt>
            <dd className="font-medium" data-testid={`order-${label}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <ul className="grid gap-4 sm:grid-cols-2" aria-label={t("tickets")}>
        {order.tickets.map((ticket) => (
          <TicketCard key={ticket.id} ticket={ticket} />
        ))}
      </ul>
      <Link href="/tickets" className="inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("allTickets")}
      </Link>
    </div>
  );
}
