"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { readQueueToken } from "@/components/queue/queue-api";
import { ChargeForm } from "@/components/wallet/charge-form";
import { usePay, useWallet } from "@/components/wallet/wallet-api";
import { FormAlert } from "@/components/ui/form-alert";
import { useProblemText } from "@/components/ui/use-problem-text";
import { ApiProblem } from "@/lib/client/api";
import { formatKrw } from "@/lib/money";
import type { HoldView } from "@/lib/schemas/booking";

/** The pay step of the hold banner: amount, balance, a top-up that keeps the hold, and pay. */
export function PayPanel({ hold }: { hold: HoldView }) {
  const t = useTranslations("Hold");
  const problems = useTranslations("Problems");
  const problemText = useProblemText();
  const wallet = useWallet();
  const pay = usePay();
  // One key per hold: a retried click can never pay twice (a refused attempt frees it).
  const [key] = useState(() => crypto.randomUUID());
  const balance = wallet.data?.balance;
  const short = balance !== undefined ? hold.amount - balance : 0;

  function submit() {
    const queueToken = readQueueToken(hold.concertId) ?? "";
    pay.mutate({ holdId: hold.id, queueToken, key });
  }

  const code = pay.error instanceof ApiProblem ? pay.error.problem.code : null;
  return (
    <div className="space-y-3 border-t border-slate-200 pt-3">
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div>
          <dt className="inline text-slate-600">{t("toPay")} </dt>
          <dd className="inline font-semibold">{formatKrw(hold.amount)}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{t("yourBalance")} </dt>
          <dd className="inline font-semibold" data-testid="pay-balance">
            {balance === undefined ? "…" : formatKrw(balance)}
          </dd>
        </div>
      </dl>
      {short > 0 && wallet.data && (
        <div className="space-y-2 rounded-lg bg-amber-50 p-3">
          <p id="pay-short" className="text-sm text-amber-900">
            {t("short", { amount: formatKrw(short) })}
          </p>
          <ChargeForm wallet={wallet.data} suggested={Math.ceil(short / 1_000) * 1_000} onCharged={() => pay.reset()} />
        </div>
      )}
      {/* A short balance is already said above; one message is enough. */}
      {pay.isError && !(short > 0 && code === "INSUFFICIENT_BALANCE") && (
        <FormAlert>
          {!pay.error || !(pay.error instanceof ApiProblem)
            ? t("payFailed")
            : code?.startsWith("QUEUE")
              ? problems("QUEUE_NOT_ACTIVE")
              : problemText.message(pay.error)}
        </FormAlert>
      )}
      <button
        type="button"
        onClick={submit}
        disabled={pay.isPending || short > 0}
        aria-describedby={short > 0 ? "pay-short" : undefined}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto"
      >
        {pay.isPending ? t("paying") : t("payAmount", { amount: formatKrw(hold.amount) })}
      </button>
    </div>
  );
}
