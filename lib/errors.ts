// Typed domain errors. Domain code throws these; lib/http/error-table.ts maps each code to
// an HTTP status in one place. Nothing here knows about HTTP.

export type ErrorCode =
  | "VALIDATION_FAILED"
  | "MALFORMED_JSON"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "CROSS_ORIGIN_REQUEST"
  | "INSUFFICIENT_SCOPE"
  | "UNAUTHENTICATED"
  | "INVALID_ACCESS_TOKEN"
  | "SESSION_REQUIRED"
  | "ACCESS_TOKEN_LIMIT_REACHED"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "EMAIL_TAKEN"
  | "QUEUE_TOKEN_MISSING"
  | "QUEUE_TOKEN_INVALID"
  | "QUEUE_TOKEN_EXPIRED"
  | "QUEUE_TOKEN_NOT_YOURS"
  | "QUEUE_TOKEN_WRONG_CONCERT"
  | "QUEUE_NOT_ACTIVE"
  | "QUEUE_NOT_OPEN"
  | "CHALLENGE_REQUIRED"
  | "ACCOUNT_TOO_NEW"
  | "SEAT_UNAVAILABLE"
  | "HOLD_EXISTS"
  | "HOLD_EXPIRED"
  | "HOLD_CLOSED"
  | "SCHEDULE_NOT_ON_SALE"
  | "IDEMPOTENCY_KEY_MISSING"
  | "IDEMPOTENCY_KEY_REUSED"
  | "IDEMPOTENCY_IN_PROGRESS"
  | "INSUFFICIENT_BALANCE"
  | "ORGANIZER_REQUIRED"
  | "ROLE_REQUIRED"
  | "LAST_OWNER"
  | "ALREADY_MEMBER"
  | "INVITE_EXPIRED"
  | "INVITE_FOR_ANOTHER_EMAIL"
  | "LAYOUT_VERSION_CONFLICT"
  | "CONCERT_STATUS"
  | "PUBLISH_INCOMPLETE"
  | "PRICE_LOCKED"
  | "TICKET_LIMIT"
  | "RATE_LIMITED"
  | "TOO_MANY_STREAMS"
  | "WEBHOOK_LIMIT_REACHED"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL";

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    /** Facts a client can act on, sent beside the code (e.g. the id of what is in the way). */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class ValidationError extends DomainError {
  constructor(errors: FieldError[], message = "The request has invalid fields.") {
    super("VALIDATION_FAILED", message, errors);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super("NOT_FOUND", `${what} was not found.`);
  }
}

/** One or more requested seats are sold or held by someone else. */
export class SeatUnavailableError extends DomainError {
  constructor(readonly seatIds: string[]) {
    super(
      "SEAT_UNAVAILABLE",
      `${seatIds.length === 1 ? "A seat you picked is" : `${seatIds.length} seats you picked are`} no longer available. Nothing was held.`,
      seatIds.map((id) => ({ field: "seatIds", message: `seat ${id} is not available` })),
    );
  }
}

/** The user already holds seats for this date; the hold in the way is named, so it can be found. */
export class HoldExistsError extends DomainError {
  constructor(readonly holdId: string | undefined) {
    super("HOLD_EXISTS", "You already hold seats for this date. Pay for them, or release them to pick others.", [], holdId ? { holdId } : {});
  }
}

export class EmailTakenError extends DomainError {
  constructor() {
    super("EMAIL_TAKEN", "An account with this email already exists.", [
      { field: "email", message: "is already registered" },
    ]);
  }
}
