"use client";

import { useMutation, useQuery, useQueryClient, type Query } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiProblem, apiFetch, serverNow, toServerTime } from "@/lib/client/api";
import { readStoredValue, useStoredValue, writeStoredValue } from "@/lib/client/stored-value";
import type { EnteredQueue } from "@/lib/queue/enter-queue";
import type { PublicQueueCounters } from "@/lib/queue/get-queue-counters";
import type { QueueStatus } from "@/lib/queue/get-queue-status";
import { queueView, type QueueView } from "@/lib/queue/queue-view";
import { solveEntryChallenge } from "./entry-challenge";
import { useQueueEvents } from "./queue-events";

// Everything the browser does with the waiting room lives here: the stored token, joining,
// following the line, and leaving. While waiting, the page polls the line's public,
// CDN-cacheable counters and works out its own position; it follows its own status (the
// queue event stream, or polling while that is down) only once its number has been reached
// (asking is what starts the shopping time) or to keep its place from counting as abandoned.

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

const fetchStatus = (token: string) => apiFetch<QueueStatus>("/api/v1/queue/status", { headers: { "x-queue-token": token } });

const MAX_ERROR_BACKOFF_MS = 60_000;

/** Polls at the pace the data asks for; after failures, backs off until one succeeds. */
function pollEvery<T>(pace: (data: T | undefined) => number | false) {
  return (query: Query<T, Error, T, readonly unknown[]>) =>
    query.state.fetchFailureCount > 0 ? Math.min(2_000 * 2 ** query.state.fetchFailureCount, MAX_ERROR_BACKOFF_MS) : pace(query.state.data);
}

/** A small random delay, so a crowd waiting for the same moment does not arrive at once. */
const spread = (maxMs: number) => Math.floor(Math.random() * maxMs);

/**
 * The waiting room's state for this page: resumes a stored place (or shows it has
 * expired), otherwise joins the line (solving its entry challenge first, or counting down
 * to its opening); then follows the line until the caller's turn.
 */
export function useWaitingRoom(concertId: string) {
  const [place, setPlace] = useState<Place | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  /** When the line opens, while it is not open yet (`tries`: answers so far, so each one re-arms the wait). */
  const [notOpen, setNotOpen] = useState<{ opensAt: string; tries: number } | null>(null);
  const opensAt = notOpen?.opensAt ?? null;
  /** Share of the entry challenge solved, while solving. */
  const [solving, setSolving] = useState<number | null>(null);

  const keep = (token: string, view: QueueView) => {
    storeQueueToken(concertId, token);
    setPlace({ token, view });
  };

  const join = useMutation({
    mutationFn: async () => {
      const challenge = await solveEntryChallenge(concertId, setSolving).finally(() => setSolving(null));
      return apiFetch<EnteredQueue>(`/api/v1/concerts/${concertId}/queue`, { method: "POST", headers: challenge ? { "x-entry-challenge": challenge } : {} });
    },
    onSuccess: (entered) => {
      setNotOpen(null);
      keep(entered.token, entered);
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.problem.code === "QUEUE_NOT_OPEN" && error.problem.opensAt) {
        const at = error.problem.opensAt;
        setNotOpen((before) => ({ opensAt: at, tries: (before?.tries ?? 0) + 1 }));
      } else setFailure(error);
    },
  });
  const { mutate: joinLine } = join;

  useEffect(() => {
    const token = readQueueToken(concertId);
    if (!token) return joinLine();
    let cancelled = false;
    fetchStatus(token).then(
      (view) => !cancelled && (view.token ? keep(view.token, view) : setPlace({ token, view })),
      // A token that is not (or no longer) ours: join afresh, once.
      (error: Error) => !cancelled && (isTokenProblem(error) ? joinLine() : setFailure(error)),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keep only stores what it is given
  }, [concertId, joinLine]);

  // Not open yet: join by itself when it opens. Our idea of the server's clock is only
  // as good as a second, so an early try is answered "not open" again, and tried again.
  const tries = notOpen?.tries ?? 0;
  useEffect(() => {
    if (!opensAt) return;
    const id = window.setTimeout(() => joinLine(), Math.max(1_000, new Date(opensAt).getTime() - serverNow()) + spread(3_000));
    return () => window.clearTimeout(id);
  }, [opensAt, tries, joinLine]);

  const waiting = place !== null && (place.view.status === "WAITING" || place.view.status === "PRE_QUEUE");
  const counters = useQuery({
    queryKey: ["queue-counters", concertId],
    enabled: waiting,
    queryFn: () => apiFetch<PublicQueueCounters>(`/api/v1/concerts/${concertId}/queue`),
    refetchInterval: pollEvery((data: PublicQueueCounters | undefined) =>
      data && place ? (localView(place.view, data).pollAfterMs ?? false) : 1_000,
    ),
    refetchIntervalInBackground: true,
  });
  // Our own status: once our number is reached (that request starts the shopping time),
  // once the pre-queue is drawn (it brings our number and a new token), and now and then
  // meanwhile, so the place is not taken for abandoned.
  const reached =
    waiting &&
    counters.data !== undefined &&
    (place.view.status === "PRE_QUEUE" ? counters.data.drawn : counters.data.serving >= (place.view.number ?? Infinity));
  const [reachedWith, setReachedWith] = useState<string | null>(null);
  if (reached && reachedWith !== place.token) setReachedWith(place.token); // remembered across renders
  const turnCame = place !== null && reachedWith === place.token;
  const keepAliveMs = waiting && place.view.status === "WAITING" ? place.view.keepAliveMs : null;
  // Our own place comes from the queue event stream; polled only while the stream is down.
  const followOwn = place !== null && (turnCame || keepAliveMs !== null);
  const stream = useQueueEvents(followOwn ? place.token : null, (latest) => latest.token && keep(latest.token, latest));
  const status = useQuery({
    queryKey: ["queue-status", place?.token],
    enabled: followOwn && !stream.live,
    queryFn: async () => {
      const latest = await fetchStatus(place!.token).catch((error: Error) => {
        // A token that ran out during a long pre-queue: entering again finds the same place.
        if (isTokenProblem(error)) joinLine();
        throw error;
      });
      // The draw gave our pre-queue place a number: from now on, that token.
      if (latest.token) keep(latest.token, latest);
      return latest;
    },
    refetchInterval: pollEvery((data: QueueStatus | undefined) => (turnCame ? (data?.pollAfterMs ?? false) : (keepAliveMs ?? false))),
    refetchIntervalInBackground: true,
  });
  const own = stream.live ? (stream.status ?? status.data) : status.data;
  const settled = own && own.status !== "WAITING" && own.status !== "PRE_QUEUE" ? own : null;
  const view: QueueView | null = settled ?? (place && waiting && counters.data ? localView(place.view, counters.data) : (place?.view ?? null));
  const error = failure ?? counters.error ?? status.error ?? null;
  // When the page last heard from the line (by the server's clock, like useServerNow).
  const heardAt = Math.max(counters.dataUpdatedAt, status.dataUpdatedAt, stream.at);
  const updatedAt = heardAt ? toServerTime(heardAt) : null;
  return { view, token: place?.token ?? null, error, updatedAt, opensAt, solving, join: () => joinLine(), joining: join.isPending };
}

/** Our place worked out from the line's public counters (the server's clock for time). */
function localView(view: QueueView, counters: PublicQueueCounters): QueueView {
  const entry = { number: view.number, status: view.status, activeUntil: null, entryId: view.entryId };
  const drawAt = view.drawAt ? new Date(view.drawAt) : null;
  return { ...queueView(entry, counters, new Date(serverNow()), { drawAt, abandonAfterSeconds: null }), keepAliveMs: view.keepAliveMs, drawAt: view.drawAt };
}

/** The caller's own status, polled as often as the server asks (for shoppers). */
export function useQueueStatus(token: string | null) {
  return useQuery({
    queryKey: ["queue-status", token],
    enabled: token !== null,
    queryFn: () => fetchStatus(token!),
    retry: (failures, error) => !(error instanceof ApiProblem && error.problem.status < 500) && failures < 3,
    refetchInterval: pollEvery((data: QueueStatus | undefined) => data?.pollAfterMs ?? false),
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
