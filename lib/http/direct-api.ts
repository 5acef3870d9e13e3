// The production server answers the public API's routes itself: the same route files and
// the same `route()` wrapper, called from Node's HTTP server without Next's router and
// request pipeline in between. That pipeline (routing, header rules, request adapters,
// async context per request) costs more CPU than most of our handlers do; see
// "Per-request cost" in the README. Pages, auth, cron and anything this does not know
// still go to Next.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readdirSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import compression from "compression";
import { NextRequest } from "next/server";
import { apiRouteTable } from "./api-route-table";
import { problemFor } from "./problem";
import { problemResponse } from "./responses";
import { securityHeaders } from "./security-headers";

type Handler = (request: NextRequest, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;
type NodeHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

// HEAD and OPTIONS stay with Next, which derives them from the route's own methods.
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const API_PREFIX = "/api/v1/";
// Framing is Node's business; Next drops these from a route's answer too.
const FRAMING_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding"]);

/**
 * Loads every `app/api/v1/**\/route.ts` and returns a handler that answers a request for
 * one of their `route()`-made methods (true), or leaves it alone (false). Import this only
 * once Next is prepared: `next/server` needs the async storage Next sets up.
 */
export async function loadDirectApi({ appDir, port }: { appDir: string; port: number }): Promise<NodeHandler> {
  const routes: { path: string; target: Map<string, Handler> }[] = [];
  for (const file of routeFiles(path.join(appDir, API_PREFIX))) {
    const exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    // Only the wrapper's handlers are known to need nothing from Next's request context.
    const handlers = METHODS.flatMap((method) => {
      const handler = exported[method];
      return isRouteHandler(handler) ? [[method, handler] as const] : [];
    });
    const routePath = `/${path.relative(appDir, path.dirname(file)).split(path.sep).join("/")}`;
    if (handlers.length) routes.push({ path: routePath, target: new Map(handlers) });
  }
  const table = apiRouteTable(routes);
  const headers = securityHeaders(true);
  // gzip, deflate or brotli from 1 kB, compressible types only (Next's older copy of the
  // same middleware offers no brotli). It needs nothing of Express: Node's request and response.
  const compress = compression() as unknown as (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

  return (request, response) => {
    const url = request.url ?? "/";
    if (!url.startsWith(API_PREFIX)) return false;
    const queryAt = url.indexOf("?");
    const rawPath = queryAt < 0 ? url : url.slice(0, queryAt);
    // A path the URL parser would rewrite ("..", "\") is Next's to normalise or redirect.
    if (rawPath.includes("\\") || new URL(rawPath, "http://localhost").pathname !== rawPath) return false;
    const found = table.match(rawPath);
    const handler = found?.target.get(request.method ?? "");
    if (!found || !handler) return false;
    for (const { key, value } of headers) response.setHeader(key, value);
    const answer = async () => {
      const webResponse = await handler(toNextRequest(request, response, port), { params: Promise.resolve(found.params) });
      compress(request, response, () => {});
      await send(webResponse, response);
    };
    answer().catch((error: unknown) => {
      // route() answers every failure itself; this is the connection failing under us.
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      console.error(JSON.stringify({ level: "warn", job: "direct-api", method: request.method, name, message }));
      if (response.headersSent) response.destroy();
      else void send(problemResponse(problemFor("INTERNAL", "Something went wrong on our side.")), response).catch(() => response.destroy());
    });
    return true;
  };
}

const isRouteHandler = (value: unknown): value is Handler => typeof value === "function" && "config" in value;

function routeFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === "route.ts")
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The request as Next would hand it to the route: the same URL origin (localhost and the
 * port, never the Host header), the same headers with the `x-forwarded-*` ones Next fills
 * in, and a signal that aborts when the client goes.
 */
function toNextRequest(request: IncomingMessage, response: ServerResponse, port: number): NextRequest {
  const method = request.method ?? "GET";
  const forwardedProto = request.headers["x-forwarded-proto"];
  const secure = forwardedProto ? forwardedProto === "https" : "encrypted" in request.socket;
  // Pairs, not a Headers: the Request copies what it is given into its own anyway.
  const given = request.headers;
  const headers: [string, string][] = [];
  for (const name in given) {
    const value = given[name];
    if (Array.isArray(value)) for (const item of value) headers.push([name, item]);
    else if (value !== undefined) headers.push([name, value]);
  }
  if (given["x-forwarded-host"] === undefined) headers.push(["x-forwarded-host", given.host ?? "localhost"]);
  if (given["x-forwarded-port"] === undefined) headers.push(["x-forwarded-port", String(port)]);
  if (given["x-forwarded-proto"] === undefined) headers.push(["x-forwarded-proto", secure ? "https" : "http"]);
  if (given["x-forwarded-for"] === undefined && request.socket.remoteAddress) headers.push(["x-forwarded-for", request.socket.remoteAddress]);

  const hangUp = new AbortController();
  response.once("close", () => {
    if (!response.writableFinished) hangUp.abort();
  });
  // Only a request that says it has a body gets a stream (most POSTs here carry none).
  const contentLength = request.headers["content-length"];
  const hasBody = method !== "GET" && method !== "HEAD" && (request.headers["transfer-encoding"] !== undefined || (contentLength !== undefined && contentLength !== "0"));
  if (hasBody) {
    // Reading starts at once, so Node will not discard what the route leaves unread (a body
    // refused before it is read): end that connection rather than leave it stalled.
    response.once("finish", () => {
      if (!request.complete) request.destroy();
    });
  }
  return new NextRequest(`${secure ? "https" : "http"}://localhost:${port}${request.url}`, {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(request) as ReadableStream<Uint8Array>) : undefined,
    signal: hangUp.signal,
    duplex: "half", // required with a stream body
  } as ConstructorParameters<typeof NextRequest>[1]);
}

/**
 * Writes the route's answer as Next does: the headers already set (security) win, framing
 * is Node's. A document is sent whole with its length, so the compression middleware leaves
 * small ones as they are; server-sent events are written as they come (stream()).
 */
async function send(answer: Response, response: ServerResponse): Promise<void> {
  response.statusCode = answer.status;
  if (answer.statusText) response.statusMessage = answer.statusText;
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie" && !FRAMING_HEADERS.has(name) && !response.hasHeader(name)) response.setHeader(name, value);
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length) response.setHeader("set-cookie", cookies);
  if (!answer.body || answer.status === 204 || answer.status === 304) {
    response.end();
    return;
  }
  if (answer.headers.get("content-type")?.startsWith("text/event-stream")) {
    await stream(answer.body, response);
    return;
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of answer.body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  response.setHeader("content-length", body.byteLength);
  response.end(body);
}

/**
 * An event stream, chunk by chunk as the route writes it, waiting for the client to drain
 * what it was sent; it ends when the route closes it or the client goes (which aborts the
 * request's signal, and so the route's subscription).
 */
async function stream(body: ReadableStream<Uint8Array>, response: ServerResponse): Promise<void> {
  response.flushHeaders();
  const reader = body.getReader();
  response.once("close", () => void reader.cancel().catch(() => undefined));
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (!response.write(chunk.value)) {
        await new Promise((resolve) => {
          response.once("drain", resolve);
          response.once("close", resolve);
        });
      }
    }
  } finally {
    response.end();
  }
}
