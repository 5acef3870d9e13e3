"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { setCurrentHold } from "@/components/booking/current-hold";
import { apiFetch } from "@/lib/client/api";
import type { Page } from "@/lib/pagination";
import type { ReceiptView, TicketView } from "@/lib/schemas/payments";
import type { ChargeView, LedgerEntryView, WalletView } from "@/lib/schemas/wallet";

export function useWallet() {
  return useQuery({ queryKey: ["wallet"], queryFn: () => apiFetch<WalletView>("/api/v1/wallet") });
}

export function useLedger() {
  return useInfiniteQuery({
    queryKey: ["ledger"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => apiFetch<Page<LedgerEntryView>>(`/api/v1/wallet/transactions?limit=20${pageParam ? `&cursor=${pageParam}` : ""}`),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * Charges the wallet. One Idempotency-Key per amount the user asked for, so a retry of
 * the same request after a network error can never charge twice.
 */
export function useCharge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ amount, key }: { amount: number; key: string }) =>
      apiFetch<ChargeView>("/api/v1/wallet/charges", { method: "POST", headers: { "idempotency-key": key }, json: { amount } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["wallet"] });
      void queryClient.invalidateQueries({ queryKey: ["ledger"] });
    },
  });
}

export const PAY_MUTATION_KEY = ["pay"];

/** Pays a hold; on success (even if the pay panel is gone by then) clears it and shows the order. */
export function usePay() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationKey: PAY_MUTATION_KEY,
    mutationFn: ({ holdId, queueToken, key }: { holdId: string; queueToken: string; key: string }) =>
      apiFetch<ReceiptView>("/api/v1/payments", { method: "POST", headers: { "idempotency-key": key, "x-queue-token": queueToken }, json: { holdId } }),
    onSuccess: (receipt) => {
      setCurrentHold(null);
      for (const key of ["wallet", "ledger", "tickets", "queue-status"]) void queryClient.invalidateQueries({ queryKey: [key] });
      // A receipt replayed from before orders had numbers has none: the tickets page then.
      router.push(receipt.orderNumber ? `/orders/${receipt.orderNumber}?paid=1` : "/tickets");
    },
  });
}

export function useTickets() {
  return useInfiniteQuery({
    queryKey: ["tickets"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => apiFetch<Page<TicketView>>(`/api/v1/me/reservations?limit=20${pageParam ? `&cursor=${pageParam}` : ""}`),
    getNextPageParam: (last) => last.nextCursor,
  });
}
