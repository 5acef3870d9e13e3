"use client";

import Link from "next/link";
import { useState } from "react";
import { useCurrentHold } from "@/components/booking/current-hold";
import { formatCountdown } from "./format";
import { useLeaveQueue, useQueueStatus, useQueueToken, useServerNow } from "./queue-api";
import { YOUR_TURN } from "./turn-alert";

/** Shown on a concert's pages: whether you may shop now, for how long, and a way out. */
export function QueueSessionBanner({ concertId }: { concertId: string }) {
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
      <div role="region" aria-label="Your shopping time" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900">
        <p>
          <strong>{YOUR_TURN}</strong> Shopping time left: <span data-testid="active-time-left">{formatCountdown(left)}</span>
          {holding && " · held seats end with it"}
        </p>
        {confirming && holding ? (
          <div role="alertdialog" aria-labelledby="leave-warning" className="flex flex-wrap items-center gap-2">
            <p id="leave-warning" className="text-sm font-medium">
              Leaving gives back your held seats.
            </p>
            <button type="button" onClick={leaveNow} className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800">
              Leave and release seats
            </button>
            <button type="button" onClick={() => setConfirming(false)} autoFocus className="rounded-md border border-emerald-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-emerald-100">
              Stay
            </button>
          </div>
        ) : (
          <button
            type="button"
            onClick={() => (holding ? setConfirming(true) : leaveNow())}
            disabled={leave.isPending}
            className="rounded-md border border-emerald-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-emerald-100"
          >
            Leave the line
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-brand-100 bg-brand-50 p-4">
      <p className="text-slate-800">
        {view?.status === "WAITING" ? "You\u2019re waiting in line for this concert." : "Tickets are sold through a fair waiting room."}
      </p>
      <Link href={`/concerts/${concertId}/queue`} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        {view?.status === "WAITING" ? "Back to the waiting room" : "Join the waiting room"}
      </Link>
    </div>
  );
}
