"use client";

import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { LocalTime } from "@/components/ui/local-time";
import { TextField } from "@/components/ui/text-field";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/auth/scopes";
import { ApiProblem } from "@/lib/client/api";
import { TOKEN_LIFETIMES_DAYS } from "@/lib/schemas/access-tokens";
import { useAccessTokens, useCreateAccessToken, useRevokeAccessToken } from "./account-api";

const SCOPE_LABELS: Record<TokenScope, string> = {
  read: "Read: wallet, holds, tickets, your place in lines",
  booking: "Booking: join lines, hold and release seats",
  payments: "Payments: top up the wallet and pay",
};
const DEFAULT_LIFETIME_DAYS = 30;

export function AccessTokens() {
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
      onError: (e) => setErrors(e instanceof ApiProblem ? { form: e.message, ...e.fieldErrors() } : { form: "Creating the token failed." }),
    });
  }

  const items = tokens.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="tokens-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Personal access tokens
        </h2>
        <p className="text-sm text-slate-600">
          For scripts and API clients: send one as <code>Authorization: Bearer …</code>. It acts as you, within its scopes, until it expires.
        </p>
      </div>
      <form onSubmit={submit} className="space-y-3">
        {errors.form && !errors.name && !errors.scopes && !errors.expiresInDays && <FormAlert>{errors.form}</FormAlert>}
        <TextField label="Token name" name="name" placeholder="e.g. my booking script" error={errors.name} />
        <fieldset className="space-y-1" aria-describedby={errors.scopes ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">Scopes</legend>
          {TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked />
              {SCOPE_LABELS[scope]}
            </label>
          ))}
          {errors.scopes && (
            <p id="scopes-error" className="text-sm text-red-600">
              Pick at least one scope.
            </p>
          )}
        </fieldset>
        <div className="flex items-end justify-between gap-2">
          <label className="space-y-1 text-sm font-medium text-slate-700">
            <span className="block">Expires after</span>
            <select name="expiresInDays" defaultValue={DEFAULT_LIFETIME_DAYS} className="rounded-md border border-slate-300 bg-white px-3 py-2">
              {TOKEN_LIFETIMES_DAYS.map((days) => (
                <option key={days} value={days}>
                  {days === 365 ? "1 year" : `${days} days`}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={create.isPending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
            Create
          </button>
        </div>
      </form>
      {fresh && (
        <div role="status" className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">Copy your new token now — it will not be shown again.</p>
          <div className="flex gap-2">
            <code data-testid="new-token" className="flex-1 overflow-x-auto rounded bg-white px-2 py-1 font-mono">
              {fresh}
            </code>
            <button type="button" onClick={() => void navigator.clipboard?.writeText(fresh)} className="rounded-md border border-emerald-300 bg-white px-3 py-1">
              Copy
            </button>
          </div>
        </div>
      )}
      {tokens.isError && <FormAlert>{tokens.error.message}</FormAlert>}
      {revoke.isError && <FormAlert>{revoke.error.message}</FormAlert>}
      <ul className="divide-y divide-slate-100" aria-label="Your tokens">
        {items.map((token) => (
          <li key={token.id} className="flex items-center justify-between gap-3 py-2 text-sm">
            <span>
              <span className="font-medium">{token.name}</span> <code className="text-slate-500">{token.prefix}…</code>
              <span className="block text-xs text-slate-600">{token.scopes.join(" · ")}</span>
              <span className="block text-xs text-slate-500">
                created <LocalTime iso={token.createdAt} /> · expires <LocalTime iso={token.expiresAt} /> ·{" "}
                {token.lastUsedAt ? <>last used <LocalTime iso={token.lastUsedAt} /></> : "never used"}
              </span>
            </span>
            {confirming === token.id ? (
              <span role="group" aria-label={`Revoke ${token.name}?`} className="flex shrink-0 flex-wrap items-center justify-end gap-2">
                <span className="text-xs text-slate-700">Anything using it stops at once.</span>
                <button
                  type="button"
                  autoFocus
                  onClick={() => {
                    setConfirming(null);
                    revoke.mutate(token.id);
                  }}
                  className="rounded-md bg-red-700 px-3 py-1 font-semibold text-white hover:bg-red-800"
                >
                  Revoke now
                </button>
                <button type="button" onClick={() => setConfirming(null)} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
                  Keep
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setConfirming(token.id)} aria-label={`Revoke ${token.name}`} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
                Revoke
              </button>
            )}
          </li>
        ))}
        {tokens.isSuccess && items.length === 0 && <li className="py-2 text-sm text-slate-600">No tokens yet.</li>}
      </ul>
      {tokens.hasNextPage && (
        <button type="button" onClick={() => void tokens.fetchNextPage()} disabled={tokens.isFetchingNextPage} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60">
          {tokens.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </section>
  );
}
