// Wallet policy, in KRW. Charges are simulated top-ups, so the caps bound what a single
// mistake (or abuse) can put in a wallet.
export const MAX_CHARGE = 1_000_000;
export const MAX_BALANCE = 5_000_000;
/** Quick amounts offered by the charge form. */
export const QUICK_CHARGES = [50_000, 100_000, 300_000, 500_000] as const;
