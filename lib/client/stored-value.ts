"use client";

import { useSyncExternalStore } from "react";

// Values the browser keeps in localStorage, with every reader re-rendering when one
// changes (in this tab through our event, in other tabs through "storage").
const EVENT = "stagepass:stored-value";
// Every key of ours starts with this, so one account's state can be wiped as a whole.
const PREFIX = "stagepass.";
const OWNER = `${PREFIX}owner`;

export function writeStoredValue(key: string, value: string | null) {
  if (value === null) window.localStorage.removeItem(key);
  else window.localStorage.setItem(key, value);
  window.dispatchEvent(new Event(EVENT));
}

// The owner recorded when someone signs out: values written after it (by a tab of theirs
// still open) are not the next account's.
const SIGNED_OUT = "";

/**
 * Stored values belong to the account signed in when they were written: when another
 * account (or nobody) is signed in, they are all dropped, so no held seats or place in
 * line of one person ever shows to the next, whichever tab they signed out in. Values
 * written before any owner was ever recorded (a first visit: the place in line can arrive
 * before the page has learnt who is signed in) are the signed-in account's own.
 */
export function claimStoredValues(userId: string | null) {
  const owner = window.localStorage.getItem(OWNER);
  if (owner === (userId ?? SIGNED_OUT)) return;
  if (owner !== null || userId === null) {
    for (const key of Object.keys(window.localStorage)) if (key.startsWith(PREFIX)) window.localStorage.removeItem(key);
  }
  window.localStorage.setItem(OWNER, userId ?? SIGNED_OUT);
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
