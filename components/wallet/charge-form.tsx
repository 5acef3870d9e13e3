"use client";

import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { ApiProblem } from "@/lib/client/api";
import { formatKrw } from "@/lib/money";
import { QUICK_CHARGES } from "@/lib/wallet/policy";
import { useCharge } from "./wallet-api";

/** Top-up form: quick amounts or a custom one, checked here and again by the server. */
export function ChargeForm({ maxCharge, suggested, onCharged }: { maxCharge: number; suggested?: number; onCharged?: () => void }) {
  const charge = useCharge();
  const [amount, setAmount] = useState(suggested ? String(suggested) : "");
  const [error, setError] = useState<string | null>(null);
  // Same amount, same attempt: a retry reuses the key and can never charge twice.
  const [attempt, setAttempt] = useState(() => ({ amount: "", key: crypto.randomUUID() }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(amount);
    if (!Number.isInteger(value) || value <= 0) return setError("Enter a whole number of won, more than 0.");
    if (value > maxCharge) return setError(`You can add at most ${formatKrw(maxCharge)} at a time.`);
    setError(null);
    const key = attempt.amount === amount ? attempt.key : crypto.randomUUID();
    setAttempt({ amount, key });
    charge.mutate(
      { amount: value, key },
      {
        onSuccess: () => {
          setAmount("");
          setAttempt({ amount: "", key: crypto.randomUUID() });
          onCharged?.();
        },
        onError: (e) => setError(e instanceof ApiProblem ? (e.fieldErrors().amount ?? e.message) : "Top-up failed; try again."),
      },
    );
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Quick amounts">
        {QUICK_CHARGES.map((quick) => (
          <button
            key={quick}
            type="button"
            onClick={() => setAmount(String(quick))}
            aria-pressed={amount === String(quick)}
            className="rounded-full border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 aria-pressed:border-brand-600 aria-pressed:bg-brand-50"
          >
            +{formatKrw(quick)}
          </button>
        ))}
      </div>
      <div className="flex gap-2">
        <label className="sr-only" htmlFor="charge-amount">
          Amount in won
        </label>
        <input
          id="charge-amount"
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value.replace(/[^\d]/g, ""))}
          placeholder="Amount (₩)"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "charge-error" : undefined}
          className="w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/40"
        />
        <button type="submit" disabled={charge.isPending} className="shrink-0 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {charge.isPending ? "Adding…" : "Top up"}
        </button>
      </div>
      {error && (
        <div id="charge-error">
          <FormAlert>{error}</FormAlert>
        </div>
      )}
    </form>
  );
}
