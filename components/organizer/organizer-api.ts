"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { followStream } from "@/lib/client/follow-stream";
import type { VenueLayout } from "@/lib/organizer/venue-layout";
import type { Page } from "@/lib/pagination";
import type { DashboardView, QueueControlView, SaleView } from "@/lib/schemas/organizer-dashboard";
import type { OrganizerConcertSummary, OrganizerConcertView, UpdateConcertRequest } from "@/lib/schemas/organizer-concerts";
import type { CreateOrganizationBody, InviteMemberBody, InviteView, MembersView, OrganizationRoleName, OrganizationView, VenueView } from "@/lib/schemas/organizer";

// Everything the organizer pages ask of the API: organizations, members, venues and concerts.
const BASE = "/api/v1/organizer/organizations";
const ORGANIZATIONS_KEY = ["organizer", "organizations"];
const membersKey = (orgId: string) => ["organizer", "members", orgId];

export function useOrganizations() {
  return useQuery({ queryKey: ORGANIZATIONS_KEY, queryFn: () => apiFetch<{ items: OrganizationView[] }>(BASE).then((page) => page.items) });
}

export function useOrganization(orgId: string) {
  return useQuery({ queryKey: [...ORGANIZATIONS_KEY, orgId], queryFn: () => apiFetch<OrganizationView>(`${BASE}/${orgId}`) });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganizationBody) => apiFetch<OrganizationView>(BASE, { method: "POST", json: body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY }),
  });
}

export function useMembers(orgId: string) {
  return useQuery({ queryKey: membersKey(orgId), queryFn: () => apiFetch<MembersView>(`${BASE}/${orgId}/members`) });
}

export function useInviteMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteMemberBody) => apiFetch<InviteView & { token: string; path: string }>(`${BASE}/${orgId}/members`, { method: "POST", json: body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: membersKey(orgId) }),
  });
}

export function useChangeRole(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: OrganizationRoleName }) =>
      apiFetch<void>(`${BASE}/${orgId}/members/${userId}`, { method: "PATCH", json: { role } }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ["organizer"] }),
  });
}

export function useRemoveMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiFetch<void>(`${BASE}/${orgId}/members/${userId}`, { method: "DELETE" }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ["organizer"] }),
  });
}

export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiFetch<{ organizationId: string; role: OrganizationRoleName }>("/api/v1/organizer/invites/accept", { method: "POST", json: { token } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY }),
  });
}

const venuesKey = (orgId: string) => ["organizer", "venues", orgId];
type VenueWithLayout = VenueView & { layout: VenueLayout };

export function useVenues(orgId: string) {
  return useQuery({ queryKey: venuesKey(orgId), queryFn: () => apiFetch<{ items: VenueView[] }>(`/api/v1/organizer/venues?organizationId=${orgId}`).then((page) => page.items) });
}

/** A venue with its newest layout; `once` reads it a single time (the editor keeps its own copy). */
export function useVenue(venueId: string, enabled = true, { once = false } = {}) {
  return useQuery({
    queryKey: ["organizer", "venue", venueId],
    enabled,
    queryFn: () => apiFetch<VenueWithLayout>(`/api/v1/organizer/venues/${venueId}`),
    ...(once ? { staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false } : {}),
  });
}

/** Saves the editor's venue: a new one, or a new layout version made from `layoutVersion`. */
export function useSaveVenue(orgId: string, venueId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, layout, layoutVersion }: { name: string; layout: VenueLayout; layoutVersion?: number }) =>
      venueId
        ? apiFetch<VenueWithLayout>(`/api/v1/organizer/venues/${venueId}`, { method: "PATCH", json: { name, layout, layoutVersion } })
        : apiFetch<VenueWithLayout>("/api/v1/organizer/venues", { method: "POST", json: { organizationId: orgId, name, layout } }),
    onSuccess: (venue) => {
      queryClient.setQueryData(["organizer", "venue", venue.id], venue);
      void queryClient.invalidateQueries({ queryKey: venuesKey(orgId) });
    },
  });
}

/** A venue from a seat list: the CSV becomes a layout, then the venue is saved with it. */
export function useCreateVenueFromCsv(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ name, csv }: { name: string; csv: string }) => {
      const { layout } = await apiFetch<{ layout: VenueLayout }>("/api/v1/organizer/layouts/csv", { method: "POST", json: { csv } });
      return apiFetch<VenueWithLayout>("/api/v1/organizer/venues", { method: "POST", json: { organizationId: orgId, name, layout } });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: venuesKey(orgId) }),
  });
}

const concertsKey = (orgId: string) => ["organizer", "concerts", orgId];
const concertKey = (concertId: string) => ["organizer", "concert", concertId];
const CONCERTS = "/api/v1/organizer/concerts";

export function useConcerts(orgId: string) {
  return useQuery({ queryKey: concertsKey(orgId), queryFn: () => apiFetch<{ items: OrganizerConcertSummary[] }>(`${CONCERTS}?organizationId=${orgId}`).then((page) => page.items) });
}

export function useCreateConcert(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { venueId: string; title: string; artist: string }) => apiFetch<OrganizerConcertView>(CONCERTS, { method: "POST", json: { organizationId: orgId, ...body } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: concertsKey(orgId) }),
  });
}

export function useOrganizerConcert(concertId: string) {
  return useQuery({ queryKey: concertKey(concertId), queryFn: () => apiFetch<OrganizerConcertView>(`${CONCERTS}/${concertId}`) });
}

/** A change to the concert (PATCH, or one of its steps); the answer is the concert as it now is. */
export function useConcertChange<T>(concertId: string, request: (body: T) => Promise<OrganizerConcertView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (concert) => {
      queryClient.setQueryData(concertKey(concertId), concert);
      void queryClient.invalidateQueries({ queryKey: concertsKey(concert.organizationId) });
    },
  });
}

export const concertRequests = (concertId: string) => ({
  update: (body: UpdateConcertRequest) => apiFetch<OrganizerConcertView>(`${CONCERTS}/${concertId}`, { method: "PATCH", json: body }),
  addDate: (body: { startsAt: string; salesOpenAt: string }) => apiFetch<OrganizerConcertView>(`${CONCERTS}/${concertId}/schedules`, { method: "POST", json: body }),
  publish: () => apiFetch<OrganizerConcertView>(`${CONCERTS}/${concertId}/publish`, { method: "POST" }),
  cancel: () => apiFetch<OrganizerConcertView>(`${CONCERTS}/${concertId}/cancel`, { method: "POST" }),
});

/** How often the dashboard reads its figures again. */
export const DASHBOARD_REFRESH_MS = 5_000;
const dashboardKey = (concertId: string) => ["organizer", "dashboard", concertId];

/** The dashboard's figures, pushed by its event stream; polled only while the stream is down. */
export function useDashboard(concertId: string) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    void followStream(`${CONCERTS}/${concertId}/dashboard/events`, {}, abort.signal, {
      onConnected: setLive,
      onEvent: ({ event, data }) => event === "dashboard" && queryClient.setQueryData(dashboardKey(concertId), JSON.parse(data) as DashboardView),
    });
    return () => {
      abort.abort();
      setLive(false);
    };
  }, [concertId, queryClient]);
  return useQuery({
    queryKey: dashboardKey(concertId),
    queryFn: () => apiFetch<DashboardView>(`${CONCERTS}/${concertId}/dashboard`),
    refetchInterval: live ? false : DASHBOARD_REFRESH_MS,
  });
}

export function useQueuePause(concertId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (paused: boolean) => apiFetch<QueueControlView>(`${CONCERTS}/${concertId}/queue/${paused ? "pause" : "resume"}`, { method: "POST" }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: dashboardKey(concertId) }),
  });
}

export function useSales(concertId: string, q: string) {
  return useInfiniteQuery({
    queryKey: ["organizer", "sales", concertId, q],
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: "50", ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) });
      return apiFetch<Page<SaleView>>(`${CONCERTS}/${concertId}/sales?${query}`);
    },
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export const salesCsvPath = (concertId: string) => `${CONCERTS}/${concertId}/sales.csv`;
