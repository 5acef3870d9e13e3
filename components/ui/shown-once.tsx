"use client";

import { useState } from "react";

/**
 * A secret shown once (a new token, an invitation link), with one tap to copy it. The
 * whole value stays in view on a phone (it wraps).
 */
export function ShownOnce({ notice, value, testId, copy, copied }: { notice: string; value: string; testId: string; copy: string; copied: string }) {
  const [done, setDone] = useState(false);
  return (
    <div role="status" className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm">
      <p className="font-medium text-emerald-900">{notice}</p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <code data-testid={testId} className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 font-mono select-all">
          {value}
        </code>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(value).then(() => setDone(true))} className="shrink-0 rounded-md border border-emerald-300 bg-white px-3 py-1">
          {done ? copied : copy}
        </button>
      </div>
    </div>
  );
}
