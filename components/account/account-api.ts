"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { Page } from "@/lib/pagination";
import type { AccessTokenView, CreateAccessTokenBody } from "@/lib/schemas/access-tokens";
import type { ChangePasswordBody } from "@/lib/schemas/users";
import type { CreateWebhookBody, UpdateWebhookBody, WebhookDeliveryView, WebhookView, WebhookWithSecretView } from "@/lib/schemas/webhooks";

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

const WEBHOOKS_KEY = ["webhooks"];
const deliveriesKey = (webhookId: string) => ["webhook-deliveries", webhookId];

export function useWebhooks() {
  return useQuery({ queryKey: WEBHOOKS_KEY, queryFn: () => apiFetch<{ items: WebhookView[] }>("/api/v1/me/webhooks") });
}

/** Every change to an endpoint: the list (and its delivery log) is read again afterwards. */
function useWebhookMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
      void queryClient.invalidateQueries({ queryKey: ["webhook-deliveries"] });
    },
  });
}

export const useCreateWebhook = () =>
  useWebhookMutation((body: Omit<CreateWebhookBody, "description"> & { description?: string }) =>
    apiFetch<WebhookWithSecretView>("/api/v1/me/webhooks", { method: "POST", json: body }),
  );
export const useUpdateWebhook = () =>
  useWebhookMutation(({ id, ...body }: UpdateWebhookBody & { id: string }) => apiFetch<WebhookView>(`/api/v1/me/webhooks/${id}`, { method: "PATCH", json: body }));
export const useDeleteWebhook = () => useWebhookMutation((id: string) => apiFetch<void>(`/api/v1/me/webhooks/${id}`, { method: "DELETE" }));
export const useRotateWebhookSecret = () =>
  useWebhookMutation((id: string) => apiFetch<WebhookWithSecretView>(`/api/v1/me/webhooks/${id}/rotate-secret`, { method: "POST" }));
export const useSendTestWebhook = () => useWebhookMutation((id: string) => apiFetch<WebhookDeliveryView>(`/api/v1/me/webhooks/${id}/test`, { method: "POST" }));
export const useRedeliver = () =>
  useWebhookMutation(({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) =>
    apiFetch<WebhookDeliveryView>(`/api/v1/me/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`, { method: "POST" }),
  );

// A delivery being tried is worth watching; a settled log is not.
const LOG_REFRESH_MS = 3_000;

export function useWebhookDeliveries(webhookId: string) {
  return useQuery({
    queryKey: deliveriesKey(webhookId),
    queryFn: () => apiFetch<Page<WebhookDeliveryView>>(`/api/v1/me/webhooks/${webhookId}/deliveries?limit=20`),
    refetchInterval: (query) => (query.state.data?.items.some((d) => d.status === "PENDING") ? LOG_REFRESH_MS : false),
  });
}
