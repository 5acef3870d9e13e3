"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useStoredValue, writeStoredValue } from "@/lib/client/stored-value";
import { notificationPermission, prepareTurnAlert, unlockSoundOnNextGesture } from "./turn-alert";

export const TURN_ALERT_KEY = "stagepass.turn-alert";

const unchanging = () => () => {};

export function useTurnAlertOn(): boolean {
  return useStoredValue(TURN_ALERT_KEY) === "on";
}

/** The opt-in for being alerted when your turn comes. */
export function TurnAlertOption() {
  const t = useTranslations("Queue.alert");
  const on = useTurnAlertOn();
  const initial = useSyncExternalStore(unchanging, notificationPermission, () => "default" as const);
  const [permission, setPermission] = useState<NotificationPermission | "unsupported" | null>(null);
  const current = permission ?? initial;
  useEffect(() => (on ? unlockSoundOnNextGesture() : undefined), [on]);

  if (!on) {
    return (
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 p-3">
        <button
          type="button"
          onClick={async () => {
            writeStoredValue(TURN_ALERT_KEY, "on");
            setPermission(await prepareTurnAlert());
          }}
          className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
        >
          {t("offer")}
        </button>
        <p className="text-sm text-slate-600">{t("offerHint")}</p>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 p-3 text-sm">
      <p role="status" className="text-slate-700">
        {t("on")}
        {(current === "denied" || current === "unsupported") && ` ${t("noNotification")}`}
      </p>
      <button type="button" onClick={() => writeStoredValue(TURN_ALERT_KEY, null)} className="rounded-md px-2 py-1 font-medium text-brand-700 hover:underline">
        {t("off")}
      </button>
    </div>
  );
}
