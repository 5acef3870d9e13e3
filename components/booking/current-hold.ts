"use client";

import { useMemo, useSyncExternalStore } from "react";
import type { HoldView } from "@/lib/schemas/booking";

// The hold being paid for lives in localStorage, so its banner survives navigation and
// reloads; every component showing it re-renders when it changes.
const KEY = "stagepass.hold";
const EVENT = "stagepass:hold";

export function setCurrentHold(hold: HoldView | null) {
  if (hold) window.localStorage.setItem(KEY, JSON.stringify(hold));
  else window.localStorage.removeItem(KEY);
  window.dispatchEvent(new Event(EVENT));
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export function useCurrentHold(): HoldView | null {
  const raw = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(KEY),
    () => null,
  );
  return useMemo(() => (raw ? (JSON.parse(raw) as HoldView) : null), [raw]);
}
