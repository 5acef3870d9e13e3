"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { LocalTime } from "@/components/ui/local-time";
import { TextField } from "@/components/ui/text-field";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import type { Page } from "@/lib/http/pagination";
import type { AccessTokenView } from "@/lib/schemas/access-tokens";

export function AccessTokens() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ["access-tokens"], queryFn: () => apiFetch<Page<AccessTokenView>>("/api/v1/me/tokens?limit=100") });
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["access-tokens"] });
  const create = useMutation({
    mutationFn: (name: string) => apiFetch<AccessTokenView & { token: string }>("/api/v1/me/tokens", { method: "POST", json: { name } }),
    onSuccess: (token) => (setFresh(token.token), void refresh()),
    onError: (e) => setError(e instanceof ApiProblem ? (e.fieldErrors().name ?? e.message) : "Creating the token failed."),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/v1/me/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => void refresh(),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setFresh(null);
    const form = event.currentTarget;
    create.mutate(String(new FormData(form).get("name")), { onSuccess: () => form.reset() });
  }

  return (
    <section aria-labelledby="tokens-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Personal access tokens
        </h2>
        <p className="text-sm text-slate-600">For scripts and API clients: send one as <code>Authorization: Bearer …</code>. It acts as you.</p>
      </div>
      <form onSubmit={submit} className="flex items-end gap-2">
        <div className="flex-1">
          <TextField label="Token name" name="name" placeholder="e.g. my booking script" error={error ?? undefined} />
        </div>
        <button type="submit" disabled={create.isPending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          Create
        </button>
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
      <ul className="divide-y divide-slate-100" aria-label="Your tokens">
        {tokens.data?.items.map((token) => (
          <li key={token.id} className="flex items-center justify-between gap-3 py-2 text-sm">
            <span>
              <span className="font-medium">{token.name}</span> <code className="text-slate-500">{token.prefix}…</code>
              <span className="block text-xs text-slate-500">
                created <LocalTime iso={token.createdAt} /> · {token.lastUsedAt ? <>last used <LocalTime iso={token.lastUsedAt} /></> : "never used"}
              </span>
            </span>
            <button type="button" onClick={() => revoke.mutate(token.id)} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
              Revoke
            </button>
          </li>
        ))}
        {tokens.data?.items.length === 0 && <li className="py-2 text-sm text-slate-600">No tokens yet.</li>}
      </ul>
    </section>
  );
}
