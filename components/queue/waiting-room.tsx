"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { useProblemText } from "@/components/ui/use-problem-text";
import { ApiProblem } from "@/lib/client/api";
import { LocalTime } from "@/components/ui/local-time";
import { PRIMARY } from "@/components/ui/styles";
import { etaParts, formatCountdown } from "./format";
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

const SECTION = "space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm";

/** The concert's scheduled on-sale, as the page shows it before the line opens. */
export interface OnSaleTimes {
  preQueueOpensAt: string | null;
  salesOpenAt: string | null;
}

export function WaitingRoom({ concertId, title, onSale }: { concertId: string; title: string; onSale: OnSaleTimes }) {
  const t = useTranslations("Queue");
  const format = useFormatter();
  const problemText = useProblemText();
  const router = useRouter();
  const { view, token, error, updatedAt, opensAt, solving, join, joining } = useWaitingRoom(concertId);
  const now = useServerNow();
  const online = useSyncExternalStore(subscribeToConnection, () => navigator.onLine, () => true);
  const leave = useLeaveQueue(concertId);
  const signedOut = error instanceof ApiProblem && error.problem.status === 401;
  const alertOn = useTurnAlertOn();
  const openElsewhere = useOpenElsewhere(`stagepass-queue-${concertId}`);
  const waited = useRef(false);

  useEffect(() => {
    if (view?.status === "WAITING" || view?.status === "PRE_QUEUE") waited.current = true;
    if (view?.status === "ACTIVE") {
      // Only a wait that ended here is announced, not a page opened after the turn came.
      if (waited.current && alertOn) announceTurn(t("yourTurn"), t("alert.notificationBody", { title }));
      router.replace(`/concerts/${concertId}`);
    }
    if (signedOut) router.replace(`/signin?callbackUrl=${encodeURIComponent(`/concerts/${concertId}/queue`)}`);
  }, [view?.status, signedOut, concertId, router, alertOn, title, t]);

  const drawLink = (
    <Link href={`/concerts/${concertId}/draw${view?.entryId ? `?entry=${encodeURIComponent(view.entryId)}` : ""}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">
      {t("draw.verify")}
    </Link>
  );

  if (!view) {
    if (opensAt) {
      const preQueue = onSale.preQueueOpensAt !== null && onSale.salesOpenAt !== null;
      return (
        <section className={SECTION} aria-labelledby="queue-heading">
          <h2 id="queue-heading" className="text-xl font-semibold">{t("notOpen.title")}</h2>
          <p className="text-slate-700">
            {t.rich("notOpen.opensAt", { title, time: () => <LocalTime iso={opensAt} /> })}
          </p>
          <p className="text-4xl font-bold tabular-nums" role="timer" aria-label={t("notOpen.countdownLabel")} data-testid="queue-countdown">
            {formatCountdown(new Date(opensAt).getTime() - now)}
          </p>
          <p className="text-sm text-slate-600">
            {preQueue ? t.rich("notOpen.preQueue", { time: () => <LocalTime iso={onSale.salesOpenAt!} timeOnly /> }) : t("notOpen.joinsItself")}
          </p>
        </section>
      );
    }
    if (solving !== null) {
      const percent = Math.round(solving * 100);
      return (
        <section className={SECTION} aria-busy="true">
          <p>{t("challenge.checking")}</p>
          <div role="progressbar" aria-label={t("challenge.progress")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
            <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm text-slate-600">{t("challenge.why")}</p>
        </section>
      );
    }
    return error ? <FormAlert>{error instanceof ApiProblem ? problemText.message(error) : t("joinFailed")}</FormAlert> : <p aria-busy="true">{t("finding")}</p>;
  }

  if (view.status === "EXPIRED") {
    return (
      <section className={SECTION}>
        <h2 className="text-xl font-semibold">{t("passed")}</h2>
        <p className="text-slate-600">{t("passedBody")}</p>
        <button type="button" onClick={join} disabled={joining} className={PRIMARY}>
          {t("joinAgain")}
        </button>
      </section>
    );
  }

  const leaveAndBack = (
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
  );
  const notices = (
    <>
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
    </>
  );

  if (view.status === "PRE_QUEUE") {
    return (
      <section className={SECTION} aria-labelledby="queue-heading">
        <div>
          <h2 id="queue-heading" className="text-xl font-semibold">{t("preQueue.title")}</h2>
          <p className="text-sm text-slate-600">{title}</p>
        </div>
        {view.drawAt && (
          <div className="rounded-lg bg-slate-50 p-4">
            <p className="text-sm text-slate-600">{t.rich("preQueue.drawAt", { time: () => <LocalTime iso={view.drawAt!} timeOnly /> })}</p>
            <p className="text-3xl font-bold tabular-nums" role="timer" data-testid="queue-draw-countdown">
              {new Date(view.drawAt).getTime() > now ? formatCountdown(new Date(view.drawAt).getTime() - now) : t("preQueue.drawing")}
            </p>
          </div>
        )}
        <p className="text-slate-700">{t("preQueue.fair")}</p>
        <p className="text-sm text-slate-600">
          {t.rich("preQueue.entry", { entry: () => <code className="rounded bg-slate-100 px-1 text-xs" data-testid="queue-entry-id">{view.entryId}</code> })} {drawLink}
        </p>
        <TurnAlertOption />
        {notices}
        {leaveAndBack}
        {leave.isError && <FormAlert>{t("leaveFailed")}</FormAlert>}
      </section>
    );
  }

  const number = view.number ?? 0;
  const position = view.position ?? 0;
  // The share of everyone ahead of this number who has been let in.
  const progress = view.status === "ACTIVE" || number === 0 ? 100 : Math.round((100 * Math.max(0, number - position)) / number);
  const eta = etaParts(view.etaSeconds);
  const waiting = view.status === "WAITING";
  return (
    <section className={`${SECTION} space-y-6`} aria-labelledby="queue-heading">
      <div>
        <h2 id="queue-heading" className="text-xl font-semibold">
          {view.status === "ACTIVE" ? t("yourTurn") : t("inLine")}
        </h2>
        <p className="text-sm text-slate-600">{t.rich("number", { title, number, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        {view.entryId && (
          <p className="text-sm text-slate-600" data-testid="queue-drawn">
            {t.rich("draw.placed", { entry: () => <code className="rounded bg-slate-100 px-1 text-xs">{view.entryId}</code> })} {drawLink}
          </p>
        )}
      </div>
      {waiting && view.paused && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="queue-paused">
          <strong className="block">{t("paused.title")}</strong>
          {t("paused.body")}
        </p>
      )}
      <dl className="grid grid-cols-2 gap-4" aria-live="polite">
        <div className="rounded-lg bg-slate-50 p-4">
          <dt className="text-sm text-slate-600">{t("position")}</dt>
          <dd className="text-3xl font-bold" data-testid="queue-position">
            {format.number(position)}
          </dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-4">
          <dt className="text-sm text-slate-600">{t("wait")}</dt>
          <dd className="text-lg font-semibold" data-testid="queue-eta">
            {view.status === "ACTIVE"
              ? t("now")
              : view.paused && view.etaSeconds === null
                ? t("paused.noEta")
                : t(`eta.${eta.key}`, eta.values)}
          </dd>
          {waiting && view.etaSeconds !== null && (
            <dd className="text-sm text-slate-600">
              {view.paused
                ? t("paused.etaFrozen")
                : t.rich("turnAround", { time: () => <LocalTime iso={new Date(now + view.etaSeconds! * 1000).toISOString()} timeOnly /> })}
            </dd>
          )}
        </div>
      </dl>
      <p className="text-sm text-slate-700" data-testid="queue-ahead">
        {t("ahead", { count: Math.max(0, position - 1) })}
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
      {waiting && <TurnAlertOption />}
      {notices}
      {updatedAt && waiting && (
        <p className="text-xs text-slate-500" data-testid="queue-updated">
          {t("updated", { seconds: Math.max(0, Math.round((now - updatedAt) / 1000)) })}
        </p>
      )}
      {leaveAndBack}
      {leave.isError && <FormAlert>{t("leaveFailed")}</FormAlert>}
    </section>
  );
}
