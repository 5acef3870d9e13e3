import { z } from "zod";
import { pageQuery } from "../pagination";
import { MAX_CHARGE } from "../wallet/policy";

export const chargeBody = z.object({
  amount: z
    .number({ error: "must be a whole number of won" })
    .int("must be a whole number of won")
    .positive("must be more than 0")
    .max(MAX_CHARGE, `must be at most ${MAX_CHARGE.toLocaleString("en")} per charge`),
});
export type ChargeBody = z.infer<typeof chargeBody>;

export const ledgerEntryView = z.object({
  id: z.uuid(),
  kind: z.enum(["CHARGE", "PAYMENT"]),
  /** Positive for charges, negative for payments. */
  amount: z.number().int(),
  balanceAfter: z.number().int(),
  paymentId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type LedgerEntryView = z.infer<typeof ledgerEntryView>;

export const walletView = z.object({
  balance: z.number().int().nonnegative(),
  limits: z.object({ perCharge: z.number().int(), maxBalance: z.number().int() }),
});
export type WalletView = z.infer<typeof walletView>;

export const chargeView = z.object({ balance: z.number().int(), transaction: ledgerEntryView });
export type ChargeView = z.infer<typeof chargeView>;

export const transactionsQuery = pageQuery;
