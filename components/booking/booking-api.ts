"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { BookableScheduleView, HoldView, SeatMapView } from "@/lib/schemas/booking";
import { setCurrentHold } from "./current-hold";

// The booking pages' data, in one place. Seat maps refresh on their own so seats taken by
// others disappear within seconds.
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

export function useSeatMap(scheduleId: string, token: string | null) {
  return useQuery({
    queryKey: ["seat-map", scheduleId],
    enabled: token !== null,
    queryFn: () => apiFetch<SeatMapView>(`/api/v1/schedules/${scheduleId}/seats`, { headers: queueHeaders(token!) }),
    refetchInterval: SEAT_MAP_REFRESH_MS,
    retry: false,
  });
}

export function useHoldSeats(scheduleId: string, token: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seatIds: string[]) =>
      apiFetch<HoldView>("/api/v1/holds", { method: "POST", headers: queueHeaders(token ?? ""), json: { scheduleId, seatIds } }),
    onSuccess: (hold) => setCurrentHold(hold),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["seat-map", scheduleId] }),
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
      void queryClient.invalidateQueries({ queryKey: ["seat-map", hold.scheduleId] });
    },
  });
}
