"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import type { QueueView } from "@/lib/queue/queue-view";

// Everything the browser does with the waiting room lives here: the stored token, the
// entry, the status poll (at the server's pollAfterMs) and leaving.

export interface EnteredQueue extends QueueView {
  token: string;
  created: boolean;
}

const storageKey = (concertId: string) => `stagepass.queue.${concertId}`;

/** The queue token kept for this concert (the booking pages send it as X-Queue-Token). */
export function readQueueToken(concertId: string): string | null {
  return typeof window === "undefined" ? null : window.localStorage.getItem(storageKey(concertId));
}

function storeQueueToken(concertId: string, token: string | null) {
  if (token) window.localStorage.setItem(storageKey(concertId), token);
  else window.localStorage.removeItem(storageKey(concertId));
}

/** Joins the line on first use (or gets the same place back) and keeps the token. */
export function useEnterQueue(concertId: string) {
  const [entered, setEntered] = useState<EnteredQueue | null>(null);
  const mutation = useMutation({
    mutationFn: () => apiFetch<EnteredQueue>(`/api/v1/concerts/${concertId}/queue`, { method: "POST" }),
    onSuccess: (result) => {
      storeQueueToken(concertId, result.token);
      setEntered(result);
    },
  });
  const { mutate } = mutation;
  const enter = useCallback(() => mutate(), [mutate]);
  return { entered, enter, error: mutation.error, pending: mutation.isPending };
}

const MAX_ERROR_BACKOFF_MS = 60_000;

/** The place in line, polled as often as the server asks, backing off while it fails. */
export function useQueueStatus(token: string | null) {
  return useQuery({
    queryKey: ["queue-status", token],
    enabled: token !== null,
    queryFn: () => apiFetch<QueueView>("/api/v1/queue/status", { headers: { "x-queue-token": token! } }),
    retry: (failures, error) => !(error instanceof ApiProblem && error.problem.status < 500) && failures < 3,
    refetchInterval: (query) => {
      if (query.state.status === "error") return Math.min(2_000 * 2 ** query.state.errorUpdateCount, MAX_ERROR_BACKOFF_MS);
      return query.state.data?.pollAfterMs ?? false;
    },
    refetchIntervalInBackground: true,
  });
}

export function useLeaveQueue(concertId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiFetch<void>("/api/v1/queue", { method: "DELETE", headers: { "x-queue-token": token } }),
    onSettled: () => {
      storeQueueToken(concertId, null);
      void queryClient.invalidateQueries({ queryKey: ["queue-status"] });
    },
  });
}

/** Re-renders every second; for countdowns. */
export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}
