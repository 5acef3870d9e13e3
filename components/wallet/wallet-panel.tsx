"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { formatKrw } from "@/lib/money";
import { ChargeForm } from "./charge-form";
import { useLedger, useWallet } from "./wallet-api";

export function WalletPanel() {
  const t = useTranslations("Wallet");
  const wallet = useWallet();
  const ledger = useLedger();
  const sentinel = useRef<HTMLLIElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = ledger;

  // Infinite scroll: the next page loads when the end of the list comes into view.
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage) return;
    const observer = new IntersectionObserver(([entry]) => entry?.isIntersecting && !isFetchingNextPage && void fetchNextPage());
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const entries = ledger.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="grid gap-6 md:grid-cols-[1fr_1.3fr]">
      <section aria-labelledby="balance-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="balance-heading" className="text-sm font-medium text-slate-600">
          {t("balance")}
        </h2>
        <p className="text-4xl font-bold" data-testid="wallet-balance" aria-live="polite">
          {wallet.data ? formatKrw(wallet.data.balance) : "…"}
        </p>
        {wallet.data && (
          <>
            <ChargeForm wallet={wallet.data} />
            <p className="text-xs text-slate-500">
              {t("limits", { perCharge: formatKrw(wallet.data.limits.perCharge), maxBalance: formatKrw(wallet.data.limits.maxBalance) })}
            </p>
          </>
        )}
      </section>
      <section aria-labelledby="ledger-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="ledger-heading" className="mb-3 text-lg font-semibold">
          {t("activity")}
        </h2>
        {entries.length === 0 && !ledger.isPending && <p className="text-slate-600">{t("noActivity")}</p>}
        <ul className="divide-y divide-slate-100" aria-label={t("activityLabel")}>
          {entries.map((entry) => (
            <li key={entry.id} className="flex items-center justify-between py-2 text-sm">
              <span>
                <span className="font-medium">{entry.kind === "CHARGE" ? t("charge") : t("payment")}</span>
                <span className="block text-xs text-slate-500">
                  <LocalTime iso={entry.createdAt} />
                </span>
              </span>
              <span className="text-right">
                <span className={entry.amount > 0 ? "font-semibold text-emerald-700" : "font-semibold text-slate-900"}>
                  {entry.amount > 0 ? "+" : "−"}
                  {formatKrw(Math.abs(entry.amount))}
                </span>
                <span className="block text-xs text-slate-500">{t("balanceAfter", { amount: formatKrw(entry.balanceAfter) })}</span>
              </span>
            </li>
          ))}
          {hasNextPage && (
            <li ref={sentinel} className="py-2 text-center text-sm text-slate-500">
              {isFetchingNextPage ? t("loading") : <button onClick={() => void fetchNextPage()}>{t("more")}</button>}
            </li>
          )}
        </ul>
      </section>
    </div>
  );
}
