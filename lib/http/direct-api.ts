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
import { securityHeaders } from "./security-headers";

type Handler = (request: NextRequest, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;
type NodeHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

// HEAD and OPTIONS stay with Next, which derives them from the route's own methods.
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const API_PREFIX = "/api/v1/";

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
  // The same middleware Next compresses with: gzip or deflate from 1 kB, compressible types only.
  // It needs nothing of Express: Node's own request and response.
  const compress = compression() as unknown as (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

  return (request, response) => {
    const url = request.url ?? "/";
    if (!url.startsWith(API_PREFIX)) return false;
    const queryAt = url.indexOf("?");
    const found = table.match(queryAt < 0 ? url : url.slice(0, queryAt));
    const handler = found?.target.get(request.method ?? "");
    if (!found || !handler) return false;
    const answer = async () => {
      const webRequest = toNextRequest(request, response, port);
      const webResponse = await handler(webRequest, { params: Promise.resolve(found.params) });
      for (const { key, value } of headers) response.setHeader(key, value);
      compress(request, response, () => {});
      await send(webResponse, response);
    };
    answer().catch((error: unknown) => {
      // route() answers every failure itself; this is the socket failing under us.
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      console.error(JSON.stringify({ level: "warn", job: "direct-api", method: request.method, name, message }));
      if (response.headersSent) response.destroy();
      else response.writeHead(500).end();
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

/** The request as Next would hand it to the route: same URL origin (not the Host header), same headers, a signal that aborts when the client goes. */
function toNextRequest(request: IncomingMessage, response: ServerResponse, port: number): NextRequest {
  const method = request.method ?? "GET";
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const forwardedProto = request.headers["x-forwarded-proto"];
  const secure = "encrypted" in request.socket || (typeof forwardedProto === "string" && forwardedProto.includes("https"));
  const hangUp = new AbortController();
  response.once("close", () => {
    if (!response.writableFinished) hangUp.abort();
  });
  const hasBody = method !== "GET" && method !== "HEAD";
  return new NextRequest(`${secure ? "https" : "http"}://localhost:${port}${request.url}`, {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(request) as ReadableStream<Uint8Array>) : undefined,
    signal: hangUp.signal,
    duplex: "half", // required with a stream body
  } as ConstructorParameters<typeof NextRequest>[1]);
}

/**
 * Writes the route's answer. A body of one chunk (every JSON answer) goes out with its
 * length, so the compression middleware leaves small ones as they are; longer bodies stream.
 */
async function send(answer: Response, response: ServerResponse): Promise<void> {
  response.statusCode = answer.status;
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") response.setHeader(name, value);
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length) response.setHeader("set-cookie", cookies);
  if (!answer.body) {
    response.end();
    return;
  }
  let pending: Uint8Array | undefined;
  let streaming = false;
  for await (const chunk of answer.body as unknown as AsyncIterable<Uint8Array>) {
    if (pending) {
      streaming = true;
      if (!response.write(pending)) await drained(response);
    }
    pending = chunk;
  }
  if (!streaming && !response.hasHeader("content-length")) response.setHeader("content-length", pending?.byteLength ?? 0);
  response.end(pending);
}

/** Resolves once the socket takes more (or is gone: then writing further does nothing). */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done).off("close", done);
      resolve();
    };
    response.on("drain", done).on("close", done);
  });
}
