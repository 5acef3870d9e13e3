"use client";

import { useMemo } from "react";
import { useStoredValue, writeStoredValue } from "@/lib/client/stored-value";
import type { HoldView } from "@/lib/schemas/booking";

// The hold being paid for is kept in the browser, so its banner survives navigation and reloads.
const KEY = "stagepass.hold";

/** Where focus goes once seats are held: the banner that says what happens next. */
export const HOLD_BANNER_ID = "held-seats";

export function setCurrentHold(hold: HoldView | null) {
  writeStoredValue(KEY, hold ? JSON.stringify(hold) : null);
}

export function useCurrentHold(): HoldView | null {
  const raw = useStoredValue(KEY);
  return useMemo(() => (raw ? (JSON.parse(raw) as HoldView) : null), [raw]);
}
