"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { apiFetch } from "@/lib/client/api";
import type { BookableScheduleView, HoldView, SeatMapView, SeatStatusesView } from "@/lib/schemas/booking";
import { setCurrentHold } from "./current-hold";
import { useSeatEvents } from "./seat-events";

// The booking pages' data, in one place. Seat maps follow the seat event stream, and refresh
// on their own while it is down, so seats taken by others disappear within seconds.
const SEAT_MAP_REFRESH_MS = 3_000;
const HOLD_REFRESH_MS = 15_000;

const queueHeaders = (token: string) => ({ "x-queue-token": token });

export function useBookableDates(concertId: string, token: string | null) {
  return useQuery({
    queryKey: ["bookable-dates", concertId, token],
    enabled: token !== null,
    queryFn: () => apiFetch<{ items: BookableScheduleView[] }>(`/api/v1/concerts/${concertId}/schedules`, { headers: queueHeaders(token!) }),
    refetchInterval: 10_000,
    retry: false,
  });
}

/**
 * The seat map: the whole layout once, then the compact statuses, kept current by the seat
 * event stream (or, while it is down, refreshed every few seconds), merged so that
 * unchanged seats keep their identity (and their memoised buttons).
 */
export function useSeatMap(scheduleId: string, token: string | null) {
  const layout = useQuery({
    queryKey: ["seat-map", scheduleId],
    enabled: token !== null,
    queryFn: () => apiFetch<SeatMapView>(`/api/v1/schedules/${scheduleId}/seats`, { headers: queueHeaders(token!) }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const live = useSeatEvents(scheduleId, token, layout.data?.seats);
  const statuses = useQuery({
    queryKey: ["seat-statuses", scheduleId],
    enabled: token !== null && layout.isSuccess,
    queryFn: () => apiFetch<SeatStatusesView>(`/api/v1/schedules/${scheduleId}/seats/status`, { headers: queueHeaders(token!) }),
    refetchInterval: live ? false : SEAT_MAP_REFRESH_MS,
    retry: false,
  });
  // The seats were repriced since the map was loaded: load it again, on every refresh that
  // says so (an instance a moment behind may answer with the old map once more).
  const behind = statuses.data !== undefined && layout.data !== undefined && statuses.data.revision > layout.data.revision;
  const { refetch } = layout;
  useEffect(() => {
    if (behind) void refetch();
  }, [behind, statuses.dataUpdatedAt, refetch]);
  // Seats never move, only prices change: live statuses always apply.
  const data = useMemo(() => {
    if (!layout.data) return undefined;
    const codes = statuses.data?.statuses;
    if (!codes || codes.length !== layout.data.seats.length) return layout.data;
    const seats = layout.data.seats.map((seat, i) => {
      const status = STATUS_OF[codes[i] as keyof typeof STATUS_OF];
      return status === seat.status ? seat : { ...seat, status };
    });
    return { ...layout.data, seats };
  }, [layout.data, statuses.data]);
  // A failed refresh keeps the map on screen; its error still tells when the shopping session ended.
  return { data, error: layout.error ?? statuses.error, isPending: layout.isPending, isError: layout.isError };
}

const STATUS_OF = { A: "AVAILABLE", H: "HELD", S: "SOLD" } as const;

/** Seats picked by hand, or the best `count` side by side the server can find within a price. */
export type HoldRequest = { seatIds: string[] } | { count: number; maxPrice?: number };

export function useHoldSeats(scheduleId: string, token: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: HoldRequest) =>
      apiFetch<HoldView>("seatIds" in request ? "/api/v1/holds" : "/api/v1/holds/best-available", {
        method: "POST",
        headers: queueHeaders(token ?? ""),
        json: { scheduleId, ...request },
      }),
    onSuccess: (hold) => setCurrentHold(hold),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["seat-statuses", scheduleId] }),
  });
}

/** Makes the live hold exactly these seats (kept, added and dropped in one go). */
export function useChangeHold(scheduleId: string, token: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ holdId, seatIds }: { holdId: string; seatIds: string[] }) =>
      apiFetch<HoldView>(`/api/v1/holds/${holdId}`, { method: "PATCH", headers: queueHeaders(token ?? ""), json: { seatIds } }),
    onSuccess: (hold) => {
      setCurrentHold(hold);
      // The banner reads the server's copy first: the new seats and amount, at once.
      queryClient.setQueryData(["hold", hold.id], hold);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["seat-statuses", scheduleId] }),
  });
}

/** The server's view of a hold, refreshed now and then (it may be released or paid elsewhere). */
export function useHold(holdId: string | null) {
  return useQuery({
    queryKey: ["hold", holdId],
    enabled: holdId !== null,
    queryFn: () => apiFetch<HoldView>(`/api/v1/holds/${holdId}`),
    refetchInterval: HOLD_REFRESH_MS,
  });
}

export function useReleaseHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hold: HoldView) => apiFetch<void>(`/api/v1/holds/${hold.id}`, { method: "DELETE" }),
    onSuccess: (_, hold) => {
      setCurrentHold(null);
      void queryClient.invalidateQueries({ queryKey: ["seat-statuses", hold.scheduleId] });
    },
  });
}
