"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { useProblemText } from "@/components/ui/use-problem-text";
import { formatKrw } from "@/lib/money";
import type { WalletView } from "@/lib/schemas/wallet";
import { QUICK_CHARGES } from "@/lib/wallet/policy";
import { useCharge } from "./wallet-api";

/** Top-up form: quick amounts or a custom one, checked here against the wallet's limits and again by the server. */
export function ChargeForm({ wallet, suggested, onCharged }: { wallet: WalletView; suggested?: number; onCharged?: () => void }) {
  const t = useTranslations("Wallet");
  const problemText = useProblemText();
  const charge = useCharge();
  const [amount, setAmount] = useState(suggested ? String(suggested) : "");
  const [error, setError] = useState<string | null>(null);
  // Same amount, same attempt: a retry reuses the key and can never charge twice.
  const [attempt, setAttempt] = useState(() => ({ amount: "", key: crypto.randomUUID() }));
  const { perCharge, maxBalance } = wallet.limits;
  const room = Math.max(maxBalance - wallet.balance, 0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(amount);
    if (!Number.isInteger(value) || value <= 0) return setError(t("wholeWon"));
    if (value > perCharge) return setError(t("perChargeCap", { amount: formatKrw(perCharge) }));
    if (value > room) return setError(room > 0 ? t("room", { max: formatKrw(maxBalance), room: formatKrw(room) }) : t("full", { max: formatKrw(maxBalance) }));
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
        onError: (e) => setError(problemText.fields(e).amount ?? problemText.message(e)),
      },
    );
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <div className="flex flex-wrap gap-2" role="group" aria-label={t("quickAmounts")}>
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
          {t("amountLabel")}
        </label>
        <input
          id="charge-amount"
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value.replace(/[^\d]/g, ""))}
          placeholder={t("amountPlaceholder")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "charge-error" : undefined}
          className="w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/40"
        />
        <button type="submit" disabled={charge.isPending} className="shrink-0 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {charge.isPending ? t("adding") : t("topUp")}
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
