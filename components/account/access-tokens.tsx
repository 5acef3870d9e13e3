"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { LocalTime } from "@/components/ui/local-time";
import { ShownOnce } from "@/components/ui/shown-once";
import { TextField } from "@/components/ui/text-field";
import { useProblemText } from "@/components/ui/use-problem-text";
import { DEFAULT_TOKEN_SCOPES, TOKEN_SCOPES, type TokenScope } from "@/lib/auth/scopes";
import { TOKEN_LIFETIMES_DAYS } from "@/lib/schemas/access-tokens";
import { useAccessTokens, useCreateAccessToken, useRevokeAccessToken } from "./account-api";

const DEFAULT_LIFETIME_DAYS = 30;

export function AccessTokens() {
  const t = useTranslations("Tokens");
  const problemText = useProblemText();
  const tokens = useAccessTokens();
  const create = useCreateAccessToken();
  const revoke = useRevokeAccessToken();
  // The token whose Revoke was pressed and awaits a second, sure press.
  const [confirming, setConfirming] = useState<string | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setFresh(null);
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      name: String(data.get("name")),
      scopes: data.getAll("scopes").map(String) as TokenScope[],
      expiresInDays: Number(data.get("expiresInDays")) as (typeof TOKEN_LIFETIMES_DAYS)[number],
    };
    create.mutate(body, {
      onSuccess: (token) => (setFresh(token.token), form.reset()),
      onError: (e) => setErrors({ form: problemText.message(e), ...problemText.fields(e) }),
    });
  }

  const items = tokens.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="tokens-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h2 id="tokens-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-slate-600">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      </div>
      <form onSubmit={submit} className="space-y-3">
        {errors.form && !errors.name && !errors.scopes && !errors.expiresInDays && <FormAlert>{errors.form}</FormAlert>}
        <TextField label={t("name")} name="name" placeholder={t("namePlaceholder")} error={errors.name} />
        <fieldset className="space-y-1" aria-describedby={errors.scopes ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">{t("scopes")}</legend>
          {TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={DEFAULT_TOKEN_SCOPES.includes(scope)} />
              {t(`scope.${scope}`)}
            </label>
          ))}
          {errors.scopes && (
            <p id="scopes-error" className="text-sm text-red-600">
              {errors.scopes}
            </p>
          )}
        </fieldset>
        <div className="flex items-end justify-between gap-2">
          <label className="space-y-1 text-sm font-medium text-slate-700">
            <span className="block">{t("expiresAfter")}</span>
            <select name="expiresInDays" defaultValue={DEFAULT_LIFETIME_DAYS} className="rounded-md border border-slate-300 bg-white px-3 py-2">
              {TOKEN_LIFETIMES_DAYS.map((days) => (
                <option key={days} value={days}>
                  {t("lifetime", { days: String(days) })}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={create.isPending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
            {t("create")}
          </button>
        </div>
      </form>
      {fresh && <ShownOnce key={fresh} notice={t("copyNow")} value={fresh} testId="new-token" copy={t("copy")} copied={t("copied")} />}
      {tokens.isError && <FormAlert>{problemText.message(tokens.error)}</FormAlert>}
      {revoke.isError && <FormAlert>{problemText.message(revoke.error)}</FormAlert>}
      <ul className="divide-y divide-slate-100" aria-label={t("listLabel")}>
        {items.map((token) => (
          <li key={token.id} className="flex items-center justify-between gap-3 py-2 text-sm">
            <span>
              <span className="font-medium">{token.name}</span> <code className="text-slate-500">{token.prefix}…</code>
              <span className="block text-xs text-slate-600">{token.scopes.join(" · ")}</span>
              <span className="block text-xs text-slate-500">
                {t.rich(token.lastUsedAt ? "used" : "unused", {
                  created: () => <LocalTime iso={token.createdAt} />,
                  expires: () => <LocalTime iso={token.expiresAt} />,
                  used: () => <LocalTime iso={token.lastUsedAt!} />,
                })}
              </span>
            </span>
            {confirming === token.id ? (
              <span role="group" aria-label={t("confirmLabel", { name: token.name })} className="flex shrink-0 flex-wrap items-center justify-end gap-2">
                <span className="text-xs text-slate-700">{t("confirmText")}</span>
                <button
                  type="button"
                  autoFocus
                  onClick={() => {
                    setConfirming(null);
                    revoke.mutate(token.id);
                  }}
                  className="rounded-md bg-red-700 px-3 py-1 font-semibold text-white hover:bg-red-800"
                >
                  {t("revokeNow")}
                </button>
                <button type="button" onClick={() => setConfirming(null)} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
                  {t("keep")}
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setConfirming(token.id)} aria-label={t("revokeLabel", { name: token.name })} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
                {t("revoke")}
              </button>
            )}
          </li>
        ))}
        {tokens.isSuccess && items.length === 0 && <li className="py-2 text-sm text-slate-600">{t("none")}</li>}
      </ul>
      {tokens.hasNextPage && (
        <button type="button" onClick={() => void tokens.fetchNextPage()} disabled={tokens.isFetchingNextPage} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60">
          {tokens.isFetchingNextPage ? t("loading") : t("more")}
        </button>
      )}
    </section>
  );
}
