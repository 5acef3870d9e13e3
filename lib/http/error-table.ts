import type { ErrorCode } from "../errors";

/** The one mapping from domain error codes to HTTP statuses and problem titles. */
export const errorTable: Record<ErrorCode, { status: number; title: string }> = {
  VALIDATION_FAILED: { status: 400, title: "Invalid request" },
  MALFORMED_JSON: { status: 400, title: "Malformed JSON body" },
  UNAUTHENTICATED: { status: 401, title: "Sign-in required" },
  INVALID_ACCESS_TOKEN: { status: 401, title: "Invalid access token" },
  SESSION_REQUIRED: { status: 403, title: "Sign in with a browser session for this" },
  NOT_FOUND: { status: 404, title: "Not found" },
  EMAIL_TAKEN: { status: 409, title: "Email already registered" },
  QUEUE_TOKEN_MISSING: { status: 403, title: "Queue token required" },
  // 403, not 401: the caller is signed in; it is their queue token that does not count.
  QUEUE_TOKEN_INVALID: { status: 403, title: "Invalid queue token" },
  QUEUE_TOKEN_EXPIRED: { status: 403, title: "Queue token expired" },
  QUEUE_TOKEN_NOT_YOURS: { status: 403, title: "Queue token belongs to someone else" },
  QUEUE_TOKEN_WRONG_CONCERT: { status: 403, title: "Queue token is for another concert" },
  QUEUE_NOT_ACTIVE: { status: 403, title: "Not admitted yet" },
  SEAT_UNAVAILABLE: { status: 409, title: "Seat unavailable" },
  HOLD_EXISTS: { status: 409, title: "You already hold seats for this date" },
  HOLD_EXPIRED: { status: 410, title: "Hold expired" },
  HOLD_CLOSED: { status: 409, title: "Hold already released or paid" },
  SCHEDULE_NOT_ON_SALE: { status: 409, title: "Not on sale" },
  IDEMPOTENCY_KEY_MISSING: { status: 400, title: "Idempotency-Key required" },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: "Idempotency-Key used for another request" },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, title: "A request with this Idempotency-Key is in progress" },
  INSUFFICIENT_BALANCE: { status: 409, title: "Insufficient balance" },
  RATE_LIMITED: { status: 429, title: "Too many requests" },
  SERVICE_UNAVAILABLE: { status: 503, title: "Service unavailable" },
  INTERNAL: { status: 500, title: "Internal error" },
};
