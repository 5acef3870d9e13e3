"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { useProblemText } from "@/components/ui/use-problem-text";
import { useAcceptInvite } from "./organizer-api";

/** Accepting an invitation link, signed in as the account it was made out to. */
export function AcceptInvite({ token, email }: { token: string; email: string }) {
  const t = useTranslations("Organizer");
  const problemText = useProblemText();
  const router = useRouter();
  const accept = useAcceptInvite();
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <p>{t("acceptIntro", { email })}</p>
      {accept.isError && <FormAlert>{problemText.message(accept.error)}</FormAlert>}
      <button
        type="button"
        disabled={accept.isPending}
        onClick={() => accept.mutate(token, { onSuccess: (joined) => router.push(`/organizer/${joined.organizationId}`) })}
        className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {t("acceptButton")}
      </button>
    </section>
  );
}
