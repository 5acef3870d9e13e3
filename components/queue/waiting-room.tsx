"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { useProblemText } from "@/components/ui/use-problem-text";
import { ApiProblem } from "@/lib/client/api";
import { LocalTime } from "@/components/ui/local-time";
import { etaParts } from "./format";
import { useLeaveQueue, useServerNow, useWaitingRoom } from "./queue-api";
import { announceTurn } from "./turn-alert";
import { TurnAlertOption, useTurnAlertOn } from "./turn-alert-option";
import { useOpenElsewhere } from "./use-open-elsewhere";

function subscribeToConnection(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

export function WaitingRoom({ concertId, title }: { concertId: string; title: string }) {
  const t = useTranslations("Queue");
  const format = useFormatter();
  const problemText = useProblemText();
  const router = useRouter();
  const { view, token, error, updatedAt, join, joining } = useWaitingRoom(concertId);
  const now = useServerNow();
  const online = useSyncExternalStore(subscribeToConnection, () => navigator.onLine, () => true);
  const leave = useLeaveQueue(concertId);
  const signedOut = error instanceof ApiProblem && error.problem.status === 401;
  const alertOn = useTurnAlertOn();
  const openElsewhere = useOpenElsewhere(`stagepass-queue-${concertId}`);
  const waited = useRef(false);

  useEffect(() => {
    if (view?.status === "WAITING") waited.current = true;
    if (view?.status === "ACTIVE") {
      // Only a wait that ended here is announced, not a page opened after the turn came.
      if (waited.current && alertOn) announceTurn(t("yourTurn"), t("alert.notificationBody", { title }));
      router.replace(`/concerts/${concertId}`);
    }
    if (signedOut) router.replace(`/signin?callbackUrl=${encodeURIComponent(`/concerts/${concertId}/queue`)}`);
  }, [view?.status, signedOut, concertId, router, alertOn, title, t]);

  if (!view) {
    return error ? <FormAlert>{error instanceof ApiProblem ? problemText.message(error) : t("joinFailed")}</FormAlert> : <p aria-busy="true">{t("finding")}</p>;
  }

  if (view.status === "EXPIRED") {
    return (
      <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-xl font-semibold">{t("passed")}</h2>
        <p className="text-slate-600">{t("passedBody")}</p>
        <button
          type="button"
          onClick={join}
          disabled={joining}
          className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("joinAgain")}
        </button>
      </section>
    );
  }

  // The share of everyone ahead of this number who has been let in.
  const progress = view.status === "ACTIVE" ? 100 : Math.round((100 * Math.max(0, view.number - view.position)) / view.number);
  const eta = etaParts(view.etaSeconds);
  return (
    <section className="space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="queue-heading">
      <div>
        <h2 id="queue-heading" className="text-xl font-semibold">
          {view.status === "ACTIVE" ? t("yourTurn") : t("inLine")}
        </h2>
        <p className="text-sm text-slate-600">{t.rich("number", { title, number: view.number, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </div>
      <dl className="grid grid-cols-2 gap-4" aria-live="polite">
        <div className="rounded-lg bg-slate-50 p-4">
          <dt className="text-sm text-slate-600">{t("position")}</dt>
          <dd className="text-3xl font-bold" data-testid="queue-position">
            {format.number(view.position)}
          </dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-4">
          <dt className="text-sm text-slate-600">{t("wait")}</dt>
          <dd className="text-lg font-semibold">{view.status === "ACTIVE" ? t("now") : t(`eta.${eta.key}`, eta.values)}</dd>
          {view.status === "WAITING" && view.etaSeconds !== null && (
            <dd className="text-sm text-slate-600">
              {t.rich("turnAround", { time: () => <LocalTime iso={new Date(now + view.etaSeconds! * 1000).toISOString()} timeOnly /> })}
            </dd>
          )}
        </div>
      </dl>
      <p className="text-sm text-slate-700" data-testid="queue-ahead">
        {t("ahead", { count: Math.max(0, view.position - 1) })}
      </p>
      <div
        role="progressbar"
        aria-label={t("progress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-all duration-700" style={{ width: `${progress}%` }} />
      </div>
      <p className="text-sm text-slate-600">{t("keepOpen")}</p>
      {view.status === "WAITING" && <TurnAlertOption />}
      {openElsewhere && (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="queue-open-elsewhere">
          {t("openElsewhere")}
        </p>
      )}
      {!online ? (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("offline")}
        </p>
      ) : (
        error && !signedOut && <p role="status" className="text-sm text-amber-700">{t("trouble")}</p>
      )}
      {updatedAt && view.status === "WAITING" && (
        <p className="text-xs text-slate-500" data-testid="queue-updated">
          {t("updated", { seconds: Math.max(0, Math.round((now - updatedAt) / 1000)) })}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={() => token && leave.mutate(token, { onSuccess: () => router.push(`/concerts/${concertId}`) })}
          disabled={leave.isPending}
          className="rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-700 hover:bg-slate-100"
        >
          {t("leave")}
        </button>
        <Link href="/" className="rounded-md px-4 py-2 font-medium text-brand-600 hover:underline">
          {t("backToConcerts")}
        </Link>
      </div>
      {leave.isError && <FormAlert>{t("leaveFailed")}</FormAlert>}
    </section>
  );
}
