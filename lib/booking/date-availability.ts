import type { DateAvailability } from "../schemas/booking";

// Under this share of seats free, a date is "selling fast".
const SELLING_FAST_BELOW = 0.2;

/** How a date's sale looks from outside: open or not yet, and how much is left. */
export function availabilityOf(date: { onSale: boolean; seats: { total: number; available: number } }): DateAvailability {
  if (date.seats.available === 0) return "SOLD_OUT";
  if (!date.onSale) return "NOT_ON_SALE_YET";
  return date.seats.available < date.seats.total * SELLING_FAST_BELOW ? "SELLING_FAST" : "AVAILABLE";
}
