import type { AdmissionStep } from "@/lib/queue/on-sale";

// The admission ramp as the console types it: "0:600, 5:1200" (from minute: admissions a minute).

export const formatRamp = (steps: readonly AdmissionStep[]) => steps.map((s) => `${s.fromMinute}:${s.admitPerMinute}`).join(", ");

/** The steps typed, or null when some step is not "minute:count" (the server checks the ranges). */
export function parseRamp(text: string): AdmissionStep[] | null {
  const parts = text.split(",").map((part) => part.trim()).filter(Boolean);
  const steps = parts.map((part) => /^(\d+)\s*:\s*(\d+)$/.exec(part));
  if (steps.some((m) => !m)) return null;
  return steps.map((m) => ({ fromMinute: Number(m![1]), admitPerMinute: Number(m![2]) }));
}
