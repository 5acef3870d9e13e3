import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { resolveIdentity, type Identity } from "../auth/identity";
import { systemClock } from "../clock";
import { DomainError, ValidationError, type FieldError } from "../errors";
import { QUEUE_TOKEN_HEADER, requireActiveQueueToken, requireOwnQueueToken } from "../queue/queue-guard";
import { clientIp, enforceRateLimit, RateLimitedError } from "../rate-limit/enforce-rate-limit";
import type { RateLimitName } from "../rate-limit/rules";
import type { RouteDoc } from "../openapi/route-doc";
import type { QueueClaims } from "../queue/queue-token";
import { fieldErrors, knownProblem, problemFor } from "./problem";
import { problemResponse } from "./responses";

type Schema = z.ZodType;
type Parsed<S> = S extends Schema ? z.output<S> : undefined;

export interface RouteConfig<P, Q, B> {
  /**
   * `user`: a signed-in session or a personal access token. `session`: the browser session
   * only (managing tokens must not be possible with a token, or a leaked one could mint more).
   */
  auth: "none" | "user" | "session";
  params?: P;
  query?: Q;
  body?: B;
  /** Per-user and per-IP limits for this action (429 with Retry-After past them). */
  rateLimit?: RateLimitName;
  /**
   * The X-Queue-Token the route requires (with `auth: "user"`). `"own"`: any token issued
   * to the caller. A function: the caller must be shopping (ACTIVE) in the line of the
   * concert it returns — the concert of the resource the request touches.
   */
  queue?: "own" | ((input: QueueInput<P, Q, B>) => string | Promise<string>);
  /** How the route appears in the OpenAPI document. */
  doc: RouteDoc;
}

type QueueInput<P, Q, B> = { params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> };

export interface RouteContext<A, P, Q, B> {
  request: NextRequest;
  user: A extends "none" ? null : Identity;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  /** The verified queue token's claims, on routes with a `queue` requirement. */
  queue: QueueClaims | null;
  requestId: string;
}

interface SegmentContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * Wraps every API handler: resolves identity, parses params, query and JSON body with
 * zod, and turns anything thrown into problem+json. Only unexpected (5xx) failures are
 * logged, with the request id and without request data.
 */
export function route<A extends "none" | "user" | "session", P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  config: RouteConfig<P, Q, B> & { auth: A },
  handler: (ctx: RouteContext<A, P, Q, B>) => Promise<Response>,
) {
  // A queue requirement is checked against the signed-in user; without one it could not be.
  if (config.queue && config.auth === "none") throw new Error("A route with a queue requirement needs a signed-in caller.");
  const handle = async (request: NextRequest, segment: SegmentContext): Promise<Response> => {
    const requestId = requestIdOf(request);
    let response: Response;
    try {
      const user = config.auth === "none" ? null : await requireIdentity(request);
      if (config.auth === "session" && user?.via !== "session") {
        throw new DomainError("SESSION_REQUIRED", "Manage access tokens from your account page, signed in; a token cannot do it.");
      }
      if (config.rateLimit) await enforceRateLimit(config.rateLimit, { userKey: user?.id, ip: clientIp(request.headers) });
      // Every invalid field is reported at once, wherever it is.
      const invalid: FieldError[] = [];
      const params = parse(config.params, await segment.params, "params", invalid);
      const query = parse(config.query, Object.fromEntries(request.nextUrl.searchParams), "query", invalid);
      const body = config.body ? parse(config.body, await readJson(request), undefined, invalid) : undefined;
      if (invalid.length) throw new ValidationError(invalid);
      const input = { params, query, body } as QueueInput<P, Q, B>;
      const queue = user && config.queue ? await checkQueueToken(config.queue, request, user.id, input) : null;
      response = await handler({ request, user, params, query, body, queue, requestId } as RouteContext<A, P, Q, B>);
    } catch (error) {
      const problem = knownProblem(error) ?? problemFor("INTERNAL", `Something went wrong on our side. Quote request id ${requestId} if you contact support.`);
      if (problem.status >= 500) logFailure(error, problem.code, request, requestId);
      const headers: Record<string, string> = { "x-request-id": requestId };
      if (error instanceof RateLimitedError) headers["retry-after"] = String(error.retryAfterSeconds);
      response = problemResponse(problem, headers);
    }
    if (!response.headers.has("x-request-id")) {
      try {
        response.headers.set("x-request-id", requestId);
      } catch {
        // Some responses (redirects) have immutable headers; they go without the id.
      }
    }
    return response;
  };
  // The OpenAPI document is built from this very config (schemas and all).
  return Object.assign(handle, { config: config as RouteConfig<Schema | undefined, Schema | undefined, Schema | undefined> });
}

/** The caller's request id when it looks like one (so it is safe to log), else a new one. */
function requestIdOf(request: NextRequest): string {
  const given = request.headers.get("x-request-id");
  return given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

async function requireIdentity(request: NextRequest): Promise<Identity> {
  const identity = await resolveIdentity(request);
  if (!identity) throw new DomainError("UNAUTHENTICATED", "Sign in, or send a personal access token as a Bearer token.");
  return identity;
}

async function checkQueueToken<P, Q, B>(
  requirement: NonNullable<RouteConfig<P, Q, B>["queue"]>,
  request: NextRequest,
  userId: string,
  input: QueueInput<P, Q, B>,
): Promise<QueueClaims> {
  const token = request.headers.get(QUEUE_TOKEN_HEADER);
  if (requirement === "own") return requireOwnQueueToken(token, userId, systemClock.now());
  return requireActiveQueueToken(token, userId, await requirement(input));
}

function parse<S extends Schema | undefined>(schema: S, input: unknown, where: string | undefined, invalid: FieldError[]): Parsed<S> {
  if (!schema) return undefined as Parsed<S>;
  const result = schema.safeParse(input);
  if (!result.success) invalid.push(...fieldErrors(result.error, where));
  return result.data as Parsed<S>;
}

async function readJson(request: NextRequest): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("MALFORMED_JSON", "The request body must be valid JSON.");
  }
}

// Server-side failures only; never request bodies, headers or query strings.
function logFailure(error: unknown, code: string, request: NextRequest, requestId: string) {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  console.error(JSON.stringify({ level: "error", requestId, code, method: request.method, path: request.nextUrl.pathname, name, message, stack }));
}
