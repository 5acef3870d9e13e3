import { DomainError, HoldExistsError, NotFoundError, SeatUnavailableError, ValidationError } from "../errors";
import type { raisedRefusal } from "../sql";

type Refusal = ReturnType<typeof raisedRefusal>;

/**
 * The API error for a refusal raised by the hold functions (create_hold, change_hold,
 * pay_hold), or null when it is none of theirs. Seat lists come as JSON in the detail.
 */
export function holdRefusal(refusal: Refusal): DomainError | null {
  const ids = () => JSON.parse(refusal!.detail ?? "[]") as string[];
  switch (refusal?.code) {
    case "NOT_FOUND":
      return new NotFoundError(refusal.detail ?? "Hold");
    case "SCHEDULE_NOT_ON_SALE":
      return new DomainError("SCHEDULE_NOT_ON_SALE", "Tickets for this date are not on sale.");
    case "HOLD_EXISTS":
      return new HoldExistsError(refusal.detail);
    case "SEAT_NOT_OF_SCHEDULE":
      return new ValidationError(ids().map((id) => ({ field: "seatIds", message: `seat ${id} is not a seat of this date` })));
    case "SEAT_UNAVAILABLE":
      return new SeatUnavailableError(ids());
    case "HOLD_CLOSED":
      return refusal.detail === "PAID"
        ? new DomainError("HOLD_CLOSED", "This hold has already been paid for.")
        : new DomainError("HOLD_CLOSED", "This hold was released; pick your seats again.");
    case "HOLD_EXPIRED":
      return new DomainError("HOLD_EXPIRED", "This hold ran out; its seats are free again.");
    case "TICKET_LIMIT": {
      const { max, have } = JSON.parse(refusal.detail ?? "{}") as { max: number; have: number };
      return new DomainError("TICKET_LIMIT", `One account may have at most ${max} tickets for this concert; you have ${have} held or bought.`, [], {
        max: String(max),
        have: String(have),
      });
    }
  }
  return null;
}
