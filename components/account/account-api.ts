"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { Page } from "@/lib/pagination";
import type { AccessTokenView, CreateAccessTokenBody } from "@/lib/schemas/access-tokens";
import type { ChangePasswordBody } from "@/lib/schemas/users";

const TOKENS_KEY = ["access-tokens"];
const TOKENS_PAGE_SIZE = 10;

export function useAccessTokens() {
  return useInfiniteQuery({
    queryKey: TOKENS_KEY,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => apiFetch<Page<AccessTokenView>>(`/api/v1/me/tokens?limit=${TOKENS_PAGE_SIZE}${pageParam ? `&cursor=${pageParam}` : ""}`),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCreateAccessToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAccessTokenBody) => apiFetch<AccessTokenView & { token: string }>("/api/v1/me/tokens", { method: "POST", json: body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeAccessToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/v1/me/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (body: ChangePasswordBody) => apiFetch<void>("/api/v1/me/password", { method: "POST", json: body }) });
}
