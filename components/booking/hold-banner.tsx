"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useIsMutating } from "@tanstack/react-query";
import { useSession } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatCountdown } from "@/components/queue/format";
import { useServerNow } from "@/components/queue/queue-api";
import { ApiProblem } from "@/lib/client/api";
import { seatLabel } from "./seat-label";
import { formatKrw } from "@/lib/money";
import { useHold, useReleaseHold } from "./booking-api";
import { HOLD_BANNER_ID, setCurrentHold, useCurrentHold } from "./current-hold";
import { PAY_MUTATION_KEY } from "@/components/wallet/wallet-api";
import { PayPanel } from "./pay-panel";

/** The held seats and their countdown, on every page until paid, released or lapsed. */
export function HoldBanner() {
  const t = useTranslations("Hold");
  const signedIn = !!useSession().data?.user;
  const stored = useCurrentHold();
  const server = useHold(stored?.id ?? null);
  const release = useReleaseHold();
  const now = useServerNow();
  const pathname = usePathname();
  const [paying, setPaying] = useState(false);
  // A payment sent in the last second is still being decided: keep the pay step on screen.
  const payInFlight = useIsMutating({ mutationKey: PAY_MUTATION_KEY }) > 0;
  const hold = server.data ?? stored;
  const gone = server.error instanceof ApiProblem && server.error.problem.status === 404;

  useEffect(() => {
    // Released or paid elsewhere, or no longer this account's: nothing to show.
    if (gone || hold?.status === "RELEASED" || hold?.status === "PAID") setCurrentHold(null);
  }, [gone, hold?.status]);

  if (!signedIn || !hold || gone || hold.status === "RELEASED" || hold.status === "PAID") return null;
  const left = Date.parse(hold.expiresAt) - now;
  const expired = !payInFlight && (hold.status === "EXPIRED" || left <= 0);
  const seats = hold.seats.map(seatLabel).join(", ");
  const seatMapPath = `/schedules/${hold.scheduleId}`;
  // Said once on holding and again at the last minute and half-minute, never every second.
  const milestone = expired ? "" : left <= 30_000 ? t("announceHalfMinute") : left <= 60_000 ? t("announceMinute") : t("announceHeld", { seats });

  return (
    <div id={HOLD_BANNER_ID} tabIndex={-1} role="region" aria-label={t("region")} className="sticky bottom-0 z-20 border-t focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 border-slate-200 bg-white/95 shadow-[0_-4px_12px_rgba(0,0,0,0.06)] backdrop-blur">
      <p className="sr-only" aria-live="polite">
        {milestone}
      </p>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        {expired ? (
          <p role="alert" className="text-sm text-slate-800">
            {t.rich("ranOut", { seats, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
        ) : (
          <p className="text-sm text-slate-800">
            {t.rich("held", {
              seats,
              amount: formatKrw(hold.amount),
              strong: (chunks) => <strong>{chunks}</strong>,
              countdown: () => (
                <span data-testid="hold-countdown" className={left < 60_000 ? "font-semibold text-red-600" : "font-semibold"}>
                  {formatCountdown(left)}
                </span>
              ),
            })}
          </p>
        )}
        <div className="flex gap-2">
          {pathname !== seatMapPath && (
            <Link href={seatMapPath} className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-600 hover:underline">
              {expired ? t("pickAgain") : t("seatMap")}
            </Link>
          )}
          {expired ? (
            <button type="button" onClick={() => setCurrentHold(null)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
              {t("dismiss")}
            </button>
          ) : (
            <>
              {!paying && (
                <button type="button" onClick={() => setPaying(true)} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
                  {t("pay")}
                </button>
              )}
              <button
                type="button"
                onClick={() => release.mutate(hold)}
                disabled={release.isPending}
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
              >
                {t("release")}
              </button>
            </>
          )}
        </div>
        {paying && !expired && (
          <div className="w-full">
            <PayPanel hold={hold} />
          </div>
        )}
      </div>
      {release.isError && <p className="px-4 pb-2 text-center text-sm text-red-600">{t("releaseFailed")}</p>}
    </div>
  );
}
