"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { VenueLayout } from "@/lib/organizer/venue-layout";
import type { CreateOrganizationBody, InviteMemberBody, InviteView, MembersView, OrganizationRoleName, OrganizationView, VenueView } from "@/lib/schemas/organizer";

// Everything the organizer pages ask of the API about organizations and their members.
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

export function useVenue(venueId: string) {
  return useQuery({ queryKey: ["organizer", "venue", venueId], queryFn: () => apiFetch<VenueWithLayout>(`/api/v1/organizer/venues/${venueId}`) });
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
