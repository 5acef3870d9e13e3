import type { z } from "zod";
import type { ErrorCode } from "../errors";

/** What a route says about itself for the OpenAPI document, beside its validation schemas. */
export interface RouteDoc {
  summary: string;
  description?: string;
  tag: "Account" | "Catalogue" | "Waiting room" | "Booking" | "Wallet" | "Payments" | "Organizer" | "Operations";
  /** Success responses: a schema for JSON bodies, or null for an empty body or (with its content type) a text one. */
  responses: Partial<Record<200 | 201 | 204 | 503, { description: string; schema: z.ZodType | null; contentType?: string }>>;
  /** Errors specific to this operation (the wrapper's own — validation, auth, queue token, rate limit — are added). */
  errors?: ErrorCode[];
  /** Called by the scheduler with Bearer CRON_SECRET rather than by users. */
  cron?: boolean;
}
