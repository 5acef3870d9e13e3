import type { z } from "zod";
import { DomainError, type ErrorCode, type FieldError } from "../errors";
import { isDatabaseUnavailable } from "../prisma-errors";
import { isRedisUnavailable } from "../redis";
import { errorTable } from "./error-table";

/** RFC 9457 problem details, with a stable `code` and the fields at fault. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  /** The id of the hold in the way, with HOLD_EXISTS. */
  holdId?: string;
  /** When the line opens, with QUEUE_NOT_OPEN. */
  opensAt?: string;
  /** The youngest account age the line takes, with ACCOUNT_TOO_NEW. */
  minAccountAgeDays?: string;
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problemFor(code: ErrorCode, detail: string, errors: FieldError[] = [], details: Record<string, string> = {}): Problem {
  const { status, title } = errorTable[code];
  return {
    type: `https://stagepass.dev/problems/${code.toLowerCase().replaceAll("_", "-")}`,
    title,
    status,
    detail,
    code,
    ...(errors.length ? { errors } : {}),
    ...details,
  };
}

export function fieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "(body)",
    message: issue.message,
  }));
}

/**
 * Maps anything thrown to a problem; `null` means an unexpected failure (a 5xx to log).
 * Redis first: its errors wrap a socket error that would also read as a database outage.
 */
export function knownProblem(error: unknown): Problem | null {
  if (error instanceof DomainError) return problemFor(error.code, error.message, error.errors, error.details);
  if (isRedisUnavailable(error)) {
    return problemFor("SERVICE_UNAVAILABLE", "The waiting room's store is unreachable. Try again shortly.");
  }
  if (isDatabaseUnavailable(error)) {
    return problemFor("SERVICE_UNAVAILABLE", "The database is unreachable or too busy right now. Try again shortly.");
  }
  return null;
}
