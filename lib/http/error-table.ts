import type { ErrorCode } from "../errors";

/** The one mapping from domain error codes to HTTP statuses and problem titles. */
export const errorTable: Record<ErrorCode, { status: number; title: string }> = {
  VALIDATION_FAILED: { status: 400, title: "Invalid request" },
  MALFORMED_JSON: { status: 400, title: "Malformed JSON body" },
  UNAUTHENTICATED: { status: 401, title: "Sign-in required" },
  INVALID_ACCESS_TOKEN: { status: 401, title: "Invalid access token" },
  FORBIDDEN: { status: 403, title: "Forbidden" },
  NOT_FOUND: { status: 404, title: "Not found" },
  EMAIL_TAKEN: { status: 409, title: "Email already registered" },
  SERVICE_UNAVAILABLE: { status: 503, title: "Service unavailable" },
  INTERNAL: { status: 500, title: "Internal error" },
};
