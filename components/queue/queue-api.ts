"use client";

import { useMutation, useQuery, useQueryClient, type Query } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiProblem, apiFetch, serverNow, toServerTime } from "@/lib/client/api";
import { readStoredValue, useStoredValue, writeStoredValue } from "@/lib/client/stored-value";
import type { EnteredQueue } from "@/lib/queue/enter-queue";
import type { QueueCounters } from "@/lib/queue/queue-store";
import { queueView, type QueueView } from "@/lib/queue/queue-view";

// Everything the browser does with the waiting room lives here: the stored token, joining,
// following the line, and leaving. While waiting, the page polls the line's public,
// CDN-cacheable counters and works out its own position; it asks for its own status only
// once its number has been reached (that request is what starts the shopping time).

interface Place {
  token: string;
  view: QueueView;
}

const storageKey = (concertId: string) => `stagepass.queue.${concertId}`;

/** The queue token kept for this concert (the booking pages send it as X-Queue-Token). */
export const readQueueToken = (concertId: string) => readStoredValue(storageKey(concertId));

const storeQueueToken = (concertId: string, token: string | null) => writeStoredValue(storageKey(concertId), token);

/** The stored queue token, kept current; null while rendering on the server. */
export const useQueueToken = (concertId: string) => useStoredValue(storageKey(concertId));

const isTokenProblem = (error: unknown) => error instanceof ApiProblem && error.problem.code.startsWith("QUEUE_TOKEN");

const fetchStatus = (token: string) => apiFetch<QueueView>("/api/v1/queue/status", { headers: { "x-queue-token": token } });

const MAX_ERROR_BACKOFF_MS = 60_000;

/** Polls at the pace the data asks for; after failures, backs off until one succeeds. */
function pollEvery<T>(pace: (data: T | undefined) => number | false) {
  return (query: Query<T, Error, T, readonly unknown[]>) =>
    query.state.fetchFailureCount > 0 ? Math.min(2_000 * 2 ** query.state.fetchFailureCount, MAX_ERROR_BACKOFF_MS) : pace(query.state.data);
}

/**
 * The waiting room's state for this page: resumes a stored place (or shows it has
 * expired), otherwise joins the line; then follows the line until the caller's turn.
 */
export function useWaitingRoom(concertId: string) {
  const [place, setPlace] = useState<Place | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);

  const join = useMutation({
    mutationFn: () => apiFetch<EnteredQueue>(`/api/v1/concerts/${concertId}/queue`, { method: "POST" }),
    onSuccess: (entered) => {
      storeQueueToken(concertId, entered.token);
      setPlace({ token: entered.token, view: entered });
    },
    onError: setFailure,
  });
  const { mutate: joinLine } = join;

  useEffect(() => {
    const token = readQueueToken(concertId);
    if (!token) return joinLine();
    let cancelled = false;
    fetchStatus(token).then(
      (view) => !cancelled && setPlace({ token, view }),
      // A token that is not (or no longer) ours: join afresh, once.
      (error: Error) => !cancelled && (isTokenProblem(error) ? joinLine() : setFailure(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [concertId, joinLine]);

  // Asked for only once our number is reached (see below); then the freshest word on our place.
  const [reachedWith, setReachedWith] = useState<string | null>(null);
  const status = useQuery({
    queryKey: ["queue-status", place?.token],
    enabled: place !== null && reachedWith === place.token,
    queryFn: () => fetchStatus(place!.token),
    refetchInterval: pollEvery((data: QueueView | undefined) => data?.pollAfterMs ?? false),
    refetchIntervalInBackground: true,
  });
  const settled = status.data && status.data.status !== "WAITING" ? status.data : null;
  const waiting = place?.view.status === "WAITING" && !settled;
  const counters = useQuery({
    queryKey: ["queue-counters", concertId],
    enabled: waiting,
    queryFn: () => apiFetch<QueueCounters>(`/api/v1/concerts/${concertId}/queue`),
    refetchInterval: pollEvery((data: QueueCounters | undefined) =>
      data && place ? (queueView({ ...place.view, status: "WAITING", activeUntil: null }, data, new Date()).pollAfterMs ?? false) : 1_000,
    ),
    refetchIntervalInBackground: true,
  });
  const reached = waiting && counters.data !== undefined && counters.data.serving >= place.view.number;
  if (reached && reachedWith !== place.token) setReachedWith(place.token); // remembered across renders

  const view: QueueView | null =
    settled ?? (place && waiting && counters.data ? queueView({ ...place.view, activeUntil: null }, counters.data, new Date()) : (place?.view ?? null));
  const error = failure ?? counters.error ?? status.error ?? null;
  // When the page last heard from the line (by the server's clock, like useServerNow).
  const heardAt = Math.max(counters.dataUpdatedAt, status.dataUpdatedAt);
  const updatedAt = heardAt ? toServerTime(heardAt) : null;
  return { view, token: place?.token ?? null, error, updatedAt, join: () => joinLine(), joining: join.isPending };
}

/** The caller's own status, polled as often as the server asks (for shoppers). */
export function useQueueStatus(token: string | null) {
  return useQuery({
    queryKey: ["queue-status", token],
    enabled: token !== null,
    queryFn: () => fetchStatus(token!),
    retry: (failures, error) => !(error instanceof ApiProblem && error.problem.status < 500) && failures < 3,
    refetchInterval: pollEvery((data: QueueView | undefined) => data?.pollAfterMs ?? false),
    refetchIntervalInBackground: true,
  });
}

export function useLeaveQueue(concertId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiFetch<void>("/api/v1/queue", { method: "DELETE", headers: { "x-queue-token": token } }),
    onSuccess: () => {
      storeQueueToken(concertId, null);
      void queryClient.invalidateQueries({ queryKey: ["queue-status"] });
      // Leaving gave back any seats held for the concert.
      void queryClient.invalidateQueries({ queryKey: ["hold"] });
    },
  });
}

/** The server's clock, ticking every second; for countdowns to server times. */
export function useServerNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => serverNow());
  useEffect(() => {
    const id = window.setInterval(() => setNow(serverNow()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}
