import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { resolveIdentity, type Identity } from "../auth/identity";
import type { TokenScope } from "../auth/scopes";
import { clientIp } from "../client-ip";
import { systemClock } from "../clock";
import { env } from "../env";
import { eventsWritten } from "../events/sequencer";
import { DomainError, ValidationError, type FieldError } from "../errors";
import { QUEUE_TOKEN_HEADER, requireActiveQueueToken, requireOwnQueueToken, type ActivePlace } from "../queue/queue-guard";
import { enforceRateLimit, RateLimitedError } from "../rate-limit/enforce-rate-limit";
import type { RateLimitName } from "../rate-limit/rules";
import type { RouteDoc } from "../openapi/route-doc";
import type { QueueClaims } from "../queue/queue-token";
import type { SqlTx } from "../sql";
import { countConcertError } from "./concert-errors";
import { findReplay, idempotentRequest, runOnce } from "./idempotency";
import { fieldErrors, knownProblem, problemFor } from "./problem";
import { readJsonBody } from "./read-json-body";
import { problemResponse } from "./responses";
import { assertSameOrigin } from "./same-origin";

type Schema = z.ZodType;
type Parsed<S> = S extends Schema ? z.output<S> : undefined;
type AuthMode = "none" | "user" | "session";

type QueueInput<A, P, Q, B> = { user: A extends "none" ? null : Identity; params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> };
/**
 * The X-Queue-Token a route requires (with `auth: "user"`). `"own"`: any token issued to the
 * caller. A function: the caller must be shopping (ACTIVE) in the line of the concert it
 * returns — the concert of the resource the request touches.
 */
type QueueRequirement<A, P, Q, B> = "own" | ((input: QueueInput<A, P, Q, B>) => string | Promise<string>);

export interface RouteConfig<A extends AuthMode, P, Q, B, I> {
  /**
   * `user`: a signed-in session or a personal access token. `session`: the browser session
   * only (managing tokens must not be possible with a token, or a leaked one could mint more).
   */
  auth: A;
  /** What a personal access token needs to be allowed this (sessions may do everything). Default: `read`. */
  scope?: TokenScope;
  params?: P;
  query?: Q;
  body?: B;
  /** The largest JSON body taken, in bytes (default MAX_JSON_BODY_BYTES, 16 kB): 413 past it. */
  maxBodyBytes?: number;
  /** Per-user and per-IP limits for this action (429 with Retry-After past them). */
  rateLimit?: RateLimitName;
  queue?: QueueRequirement<A, P, Q, B>;
  /**
   * Requires an Idempotency-Key and runs the handler at most once per (user, this scope, key),
   * inside a transaction (`tx`) that also stores its answer; retries get that answer back,
   * even when a limit or the queue requirement refuses them, so a retried payment still
   * gets its receipt after paying ended the shopping session.
   */
  idempotent?: I;
  /** How the route appears in the OpenAPI document. */
  doc: RouteDoc;
}

export interface RouteContext<A, P, Q, B, K extends boolean, I> {
  request: NextRequest;
  user: A extends "none" ? null : Identity;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  /**
   * The verified queue token's claims, on routes with a `queue` requirement; with a
   * concert requirement also when the caller's shopping time ends.
   */
  queue: K extends true ? QueueClaims & Partial<ActivePlace> : null;
  /** The transaction that will also store the answer, on idempotent routes. */
  tx: I extends string ? SqlTx : null;
  /** Runs once the handler has succeeded (after commit, on idempotent routes); never for replays or failures. */
  afterCommit: (task: () => Promise<unknown>) => void;
  requestId: string;
}

interface SegmentContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type Handler<A, P, Q, B, K extends boolean, I> = (ctx: RouteContext<A, P, Q, B, K, I>) => Promise<Response>;
type Route = ((request: NextRequest, segment: SegmentContext) => Promise<Response>) & { config: AnyRouteConfig };

export function route<
  A extends AuthMode,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  I extends string | undefined = undefined,
>(config: RouteConfig<A, P, Q, B, I> & { queue: QueueRequirement<A, P, Q, B> }, handler: Handler<A, P, Q, B, true, I>): Route;
export function route<
  A extends AuthMode,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  I extends string | undefined = undefined,
>(config: RouteConfig<A, P, Q, B, I> & { queue?: undefined }, handler: Handler<A, P, Q, B, false, I>): Route;
/**
 * Wraps every API handler: resolves identity, parses params, query and JSON body with
 * zod, runs idempotent requests once, and turns anything thrown into problem+json. Only
 * unexpected (5xx) failures are logged, with the request id and without request data.
 */
export function route(config: AnyRouteConfig, handler: Handler<AuthMode, Schema, Schema, Schema, boolean, string | undefined>): Route {
  // A queue requirement is checked against the signed-in user; without one it could not be.
  if ((config.queue || config.idempotent) && config.auth === "none") throw new Error("Queue and idempotency requirements need a signed-in caller.");
  const handle = async (request: NextRequest, segment: SegmentContext): Promise<Response> => {
    const requestId = requestIdOf(request);
    let response: Response;
    let concertId: string | undefined; // the concert whose line let the caller in, for its error counts
    try {
      const user = config.auth === "none" ? null : await requireIdentity(request);
      if (config.auth === "session" && user?.via !== "session") {
        throw new DomainError("SESSION_REQUIRED", "Manage access tokens from your account page, signed in; a token cannot do it.");
      }
      const scope = config.scope ?? "read";
      if (user && !user.scopes.includes(scope)) {
        throw new DomainError("INSUFFICIENT_SCOPE", `This access token was not given the "${scope}" scope. Create one that has it.`);
      }
      // Cookies ride along on cross-site requests; tokens do not, so only sessions need this.
      if (user?.via === "session" && UNSAFE_METHODS.has(request.method)) assertSameOrigin(request);
      // Every invalid field is reported at once, wherever it is.
      const invalid: FieldError[] = [];
      const params = parse(config.params, await segment.params, "params", invalid);
      const query = parse(config.query, Object.fromEntries(request.nextUrl.searchParams), "query", invalid);
      const body = config.body ? parse(config.body, await readJsonBody(request, config.maxBodyBytes), undefined, invalid) : undefined;
      if (invalid.length) throw new ValidationError(invalid);

      const input = { user, params, query, body } as QueueInput<AuthMode, Schema, Schema, Schema>;
      const once = config.idempotent ? idempotentRequest(request, user!.id, config.idempotent, body) : null;
      let queue: QueueClaims | ActivePlace | null = null;
      let replay: Response | null = null;
      try {
        if (config.rateLimit) await enforceRateLimit(config.rateLimit, { userKey: user?.id, ip: clientIp(request.headers, env().TRUSTED_PROXY) });
        if (user && config.queue) {
          const token = request.headers.get(QUEUE_TOKEN_HEADER);
          if (config.queue === "own") {
            queue = await requireOwnQueueToken(token, user.id, systemClock.now());
          } else {
            // Known before the store is asked, so a store that fails counts against the concert too.
            concertId = await config.queue(input);
            queue = await requireActiveQueueToken(token, user.id, concertId, undefined, request.method === "GET" ? "read" : "write");
          }
        }
      } catch (refusal) {
        // A retry of what already happened is answered whatever the limits, the limiter's
        // health or the shopping time (paying ends it). Looked up only when refused: the
        // transaction below looks again anyway, so the usual request pays no extra round trip.
        replay = once && (await findReplay(once));
        if (!replay) throw refusal;
      }
      if (replay) {
        response = replay;
      } else {
        let committed: (() => Promise<unknown>)[] = [];
        const run = (tx: SqlTx | null) => {
          committed = []; // a transaction attempt that is retried leaves no follow-ups behind
          return handler({ request, ...input, queue, tx, afterCommit: (task) => committed.push(task), requestId });
        };
        response = once ? await runOnce(once, run) : await run(null);
        // What the transaction changed wrote its events; numbered now they are committed.
        if (once) eventsWritten();
        // Follow-ups are best effort: what committed stands, whatever they do.
        for (const task of committed) await task().catch((error: unknown) => logFailure(error, "AFTER_COMMIT", request, requestId));
      }
    } catch (error) {
      response = errorResponse(error, request, requestId);
      // A client that hung up saw no error.
      if (concertId && response.status >= 500 && !request.signal.aborted) countConcertError(concertId);
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
  return Object.assign(handle, { config });
}

export type AnyRouteConfig = RouteConfig<AuthMode, Schema | undefined, Schema | undefined, Schema | undefined, string | undefined>;

// How long a client should wait before retrying, where waiting is the answer.
const RETRY_AFTER_SECONDS: Partial<Record<string, number>> = { SERVICE_UNAVAILABLE: 2, IDEMPOTENCY_IN_PROGRESS: 1 };

function errorResponse(error: unknown, request: NextRequest, requestId: string): Response {
  const problem = knownProblem(error) ?? problemFor("INTERNAL", `Something went wrong on our side. Quote request id ${requestId} if you contact support.`);
  // A client that hung up is not an outage: nobody reads this answer, and it must not page anyone.
  if (problem.status >= 500 && !request.signal.aborted) logFailure(error, problem.code, request, requestId);
  const headers: Record<string, string> = { "x-request-id": requestId };
  const retryAfter = error instanceof RateLimitedError ? error.retryAfterSeconds : RETRY_AFTER_SECONDS[problem.code];
  if (retryAfter) headers["retry-after"] = String(retryAfter);
  return problemResponse(problem, headers);
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

function parse<S extends Schema | undefined>(schema: S, input: unknown, where: string | undefined, invalid: FieldError[]): Parsed<S> {
  if (!schema) return undefined as Parsed<S>;
  const result = schema.safeParse(input);
  if (!result.success) invalid.push(...fieldErrors(result.error, where));
  return result.data as Parsed<S>;
}

// Server-side failures only; never request bodies, headers or query strings.
function logFailure(error: unknown, code: string, request: NextRequest, requestId: string) {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  console.error(JSON.stringify({ level: "error", requestId, code, method: request.method, path: request.nextUrl.pathname, name, message, stack }));
}
