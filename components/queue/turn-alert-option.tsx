"use client";

import { useState, useSyncExternalStore } from "react";
import { useStoredValue, writeStoredValue } from "@/lib/client/stored-value";
import { notificationPermission, prepareTurnAlert } from "./turn-alert";

export const TURN_ALERT_KEY = "stagepass.turn-alert";

const unchanging = () => () => {};

export function useTurnAlertOn(): boolean {
  return useStoredValue(TURN_ALERT_KEY) === "on";
}

/** The opt-in for being alerted when your turn comes. */
export function TurnAlertOption() {
  const on = useTurnAlertOn();
  const initial = useSyncExternalStore(unchanging, notificationPermission, () => "default" as const);
  const [permission, setPermission] = useState<NotificationPermission | "unsupported" | null>(null);
  const current = permission ?? initial;

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
          Alert me when it&apos;s my turn
        </button>
        <p className="text-sm text-slate-600">A notification, a chime and a flashing tab title, so you can look away.</p>
      </div>
    );
  }
  return (
    <div role="status" className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 p-3 text-sm">
      <p className="text-slate-700">
        We&apos;ll alert you when it&apos;s your turn.
        {(current === "denied" || current === "unsupported") && " This browser won't show a notification, so the chime and the tab title will."}
      </p>
      <button type="button" onClick={() => writeStoredValue(TURN_ALERT_KEY, null)} className="rounded-md px-2 py-1 font-medium text-brand-700 hover:underline">
        Turn off alerts
      </button>
    </div>
  );
}
