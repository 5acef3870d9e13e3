import { z } from "zod";
import type { ErrorCode } from "../errors";
import { errorTable } from "../http/error-table";
import type { AnyRouteConfig } from "../http/route";
import { WEBHOOK_EVENT_TYPES, webhookEventData, webhookEventSummary, webhookMessage, WEBHOOK_TEST_TYPE } from "../schemas/webhooks";
import { FIRST_BOOKING_GUIDE } from "./first-booking-guide";

type Config = AnyRouteConfig;

export interface Operation {
  /** OpenAPI path, e.g. /api/v1/holds/{holdId}. */
  path: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  config: Config;
}

type JsonSchema = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return rest;
};

const problemSchema = {
  type: "object",
  description: "RFC 9457 problem details with a stable `code`.",
  required: ["type", "title", "status", "detail", "code"],
  properties: {
    type: { type: "string", format: "uri" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    code: { type: "string", enum: Object.keys(errorTable) },
    errors: {
      type: "array",
      description: "The fields at fault.",
      items: { type: "object", required: ["field", "message"], properties: { field: { type: "string" }, message: { type: "string" } } },
    },
    holdId: { type: "string", format: "uuid", description: "With HOLD_EXISTS: your live hold for this date (GET /api/v1/holds/{holdId})." },
    opensAt: { type: "string", format: "date-time", description: "With QUEUE_NOT_OPEN: when the line opens (enter then)." },
    minAccountAgeDays: { type: "string", description: "With ACCOUNT_TOO_NEW: the age in days an account needs to join this line." },
  },
};

/** Every error an operation can answer: its own, plus what its wrapper options imply. */
function errorsOf(config: Config, method: string): ErrorCode[] {
  const codes = new Set<ErrorCode>(config.doc.errors ?? []);
  if (config.params || config.query || config.body) codes.add("VALIDATION_FAILED");
  if (config.body) ["MALFORMED_JSON", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"].forEach((c) => codes.add(c as ErrorCode));
  if (config.auth !== "none") ["UNAUTHENTICATED", "INVALID_ACCESS_TOKEN"].forEach((c) => codes.add(c as ErrorCode));
  if (config.auth === "session") codes.add("SESSION_REQUIRED");
  if (config.auth === "user") codes.add("INSUFFICIENT_SCOPE");
  if (config.auth !== "none" && !["get", "head"].includes(method.toLowerCase())) codes.add("CROSS_ORIGIN_REQUEST");
  if (config.queue) ["QUEUE_TOKEN_MISSING", "QUEUE_TOKEN_INVALID", "QUEUE_TOKEN_EXPIRED", "QUEUE_TOKEN_NOT_YOURS"].forEach((c) => codes.add(c as ErrorCode));
  if (typeof config.queue === "function") ["QUEUE_TOKEN_WRONG_CONCERT", "QUEUE_NOT_ACTIVE"].forEach((c) => codes.add(c as ErrorCode));
  if (config.idempotent) ["IDEMPOTENCY_KEY_MISSING", "IDEMPOTENCY_KEY_REUSED", "IDEMPOTENCY_IN_PROGRESS"].forEach((c) => codes.add(c as ErrorCode));
  if (config.rateLimit) codes.add("RATE_LIMITED");
  codes.add("SERVICE_UNAVAILABLE");
  codes.add("INTERNAL");
  return [...codes];
}

function parametersOf(config: Config) {
  const fromObject = (schema: z.ZodType | undefined, where: "path" | "query") => {
    if (!schema) return [];
    const { properties = {}, required = [] } = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(properties).map(([name, property]) => ({
      name,
      in: where,
      required: where === "path" || required.includes(name),
      schema: property,
    }));
  };
  const headers = [];
  if (config.queue) {
    headers.push({ name: "X-Queue-Token", in: "header", required: true, description: "Your queue token from joining the concert's line.", schema: { type: "string" } });
  }
  if (config.idempotent) {
    headers.push({ name: "Idempotency-Key", in: "header", required: true, description: "Any unique string (e.g. a UUID) per intended request; retries reuse it.", schema: { type: "string", minLength: 1, maxLength: 255 } });
  }
  return [...fromObject(config.params, "path"), ...fromObject(config.query, "query"), ...headers];
}

function responsesOf(config: Config, method: string) {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(config.doc.responses)) {
    responses[status] = response.schema
      ? { description: response.description, content: { "application/json": { schema: jsonSchema(response.schema, "output") } } }
      : response.contentType
        ? { description: response.description, content: { [response.contentType]: { schema: { type: "string" } } } }
        : { description: response.description };
  }
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorsOf(config, method)) byStatus.set(errorTable[code].status, [...(byStatus.get(errorTable[code].status) ?? []), code]);
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    if (responses[String(status)]) continue; // the operation documents its own body for this status
    responses[String(status)] = {
      description: codes.map((c) => `\`${c}\` ${errorTable[c].title}`).join("; "),
      ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds until you may try again.", schema: { type: "integer" } } } } : {}),
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
      "x-error-codes": codes,
    };
  }
  return responses;
}

function securityOf(config: Config) {
  if (config.doc.cron) return [{ cronSecret: [] }];
  if (config.auth === "none") return [];
  if (config.auth === "session") return [{ sessionCookie: [] }];
  return [{ sessionCookie: [] }, { bearerToken: [config.scope ?? "read"] }];
}

const WEBHOOK_HEADERS = [
  { name: "webhook-id", description: "The message's id: the same on every attempt, so a receiver can drop repeats." },
  { name: "webhook-timestamp", description: "When this attempt was signed, in seconds since the epoch: refuse old ones (replays)." },
  {
    name: "webhook-signature",
    description: "`v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` with the endpoint's secret (base64 after `whsec_`); space-separated when two secrets sign (a rotation).",
  },
].map(({ name, description }) => ({ name, in: "header", required: true, description, schema: { type: "string" } }));

/** The messages webhook endpoints receive (OpenAPI 3.1 `webhooks`), from the payload schemas. */
function webhooksDoc() {
  const messages: [string, z.ZodType, string][] = [
    ...WEBHOOK_EVENT_TYPES.map((type): [string, z.ZodType, string] => [type, webhookEventData[type], webhookEventSummary[type]]),
    [WEBHOOK_TEST_TYPE, z.object({ webhookId: z.uuid(), message: z.string() }), "Sent on demand (POST /api/v1/me/webhooks/{webhookId}/test)."],
  ];
  return Object.fromEntries(
    messages.map(([type, data, summary]) => [
      type,
      {
        post: {
          summary,
          description: "Answer 2xx within 10 s. Anything else (or no answer, or a redirect) is retried with backoff for about 24 hours.",
          parameters: WEBHOOK_HEADERS,
          requestBody: { required: true, content: { "application/json": { schema: jsonSchema(webhookMessage(type, data), "output") } } },
          responses: { "2XX": { description: "Received" } },
        },
      },
    ]),
  );
}

/** The OpenAPI 3.1 document of the public API, built from the routes' own configs. */
export function buildOpenApiDocument(operations: Operation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { path, method, config } of operations) {
    paths[path] ??= {};
    paths[path][method] = {
      operationId: `${method}${path.replace(/[{}]/g, "").replace(/\/(\w)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, "")}`,
      summary: config.doc.summary,
      ...(config.doc.description ? { description: config.doc.description } : {}),
      tags: [config.doc.tag],
      security: securityOf(config),
      parameters: parametersOf(config),
      ...(config.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(config.body, "input") } } } } : {}),
      responses: responsesOf(config, method),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Stagepass API",
      version: "1.0.0",
      description:
        "Concert tickets with a fair waiting room. Times are ISO 8601 (UTC), money is integer KRW, lists are `{items, nextCursor}` pages, every error is `application/problem+json` with a stable `code`, and every response carries an `x-request-id`.\n" +
        FIRST_BOOKING_GUIDE,
    },
    servers: [{ url: "/" }],
    tags: ["Account", "Catalogue", "Waiting room", "Booking", "Wallet", "Payments", "Organizer", "Operations"].map((name) => ({ name })),
    paths,
    webhooks: webhooksDoc(),
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The browser session (sign in at /signin). Over HTTPS the cookie is named __Secure-next-auth.session-token.",
        },
        bearerToken: { type: "http", scheme: "bearer", description: "A personal access token (create one on /account or with POST /api/v1/me/tokens). Each operation names the scope it needs: read, booking, payments, organizer or webhooks." },
        queueToken: { type: "apiKey", in: "header", name: "X-Queue-Token", description: "Your place in a concert's line, from POST /api/v1/concerts/{concertId}/queue." },
        cronSecret: { type: "http", scheme: "bearer", description: "CRON_SECRET, for the scheduler only." },
      },
    },
  };
}
