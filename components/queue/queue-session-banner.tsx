"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCurrentHold } from "@/components/booking/current-hold";
import { formatCountdown } from "./format";
import { useLeaveQueue, useQueueStatus, useQueueToken, useServerNow } from "./queue-api";

/** Shown on a concert's pages: whether you may shop now, for how long, and a way out. */
export function QueueSessionBanner({ concertId }: { concertId: string }) {
  const t = useTranslations("Queue");
  const token = useQueueToken(concertId);
  const status = useQueueStatus(token);
  const leave = useLeaveQueue(concertId);
  const now = useServerNow();
  const hold = useCurrentHold();
  const [confirming, setConfirming] = useState(false);

  const view = status.data;
  if (view?.status === "ACTIVE" && view.activeUntil) {
    const left = new Date(view.activeUntil).getTime() - now;
    const holding = hold?.concertId === concertId && hold.status === "ACTIVE" && Date.parse(hold.expiresAt) > now;
    const leaveNow = () => {
      setConfirming(false);
      leave.mutate(token!);
    };
    return (
      <div role="region" aria-label={t("session.leaveRegion")} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900">
        <p>
          <strong>{t("yourTurn")}</strong>{" "}
          {t.rich("session.timeLeft", { time: () => <span data-testid="active-time-left">{formatCountdown(left)}</span> })}
          {holding && t("session.holdEnds")}
        </p>
        {confirming && holding ? (
          <div role="alertdialog" aria-labelledby="leave-warning" className="flex flex-wrap items-center gap-2">
            <p id="leave-warning" className="text-sm font-medium">
              {t("session.leaveWarning")}
            </p>
            <button type="button" onClick={leaveNow} className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800">
              {t("session.leaveAndRelease")}
            </button>
            <button type="button" onClick={() => setConfirming(false)} autoFocus className="rounded-md border border-emerald-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-emerald-100">
              {t("session.stay")}
            </button>
          </div>
        ) : (
          <button
            type="button"
            onClick={() => (holding ? setConfirming(true) : leaveNow())}
            disabled={leave.isPending}
            className="rounded-md border border-emerald-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-emerald-100"
          >
            {t("leave")}
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-brand-100 bg-brand-50 p-4">
      <p className="text-slate-800">
        {view?.status === "WAITING" ? t("session.waiting") : t("session.fair")}
      </p>
      <Link href={`/concerts/${concertId}/queue`} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        {view?.status === "WAITING" ? t("session.back") : t("session.join")}
      </Link>
    </div>
  );
}
