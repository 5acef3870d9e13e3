"use client";

import { useSyncExternalStore } from "react";

// Values the browser keeps in localStorage, with every reader re-rendering when one
// changes (in this tab through our event, in other tabs through "storage").
const EVENT = "stagepass:stored-value";

export function writeStoredValue(key: string, value: string | null) {
  if (value === null) window.localStorage.removeItem(key);
  else window.localStorage.setItem(key, value);
  window.dispatchEvent(new Event(EVENT));
}

export function readStoredValue(key: string): string | null {
  return typeof window === "undefined" ? null : window.localStorage.getItem(key);
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The stored value, kept current; null while rendering on the server (so hydration matches). */
export function useStoredValue(key: string): string | null {
  return useSyncExternalStore(subscribe, () => readStoredValue(key), () => null);
}
