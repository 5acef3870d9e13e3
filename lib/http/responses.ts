import { PROBLEM_CONTENT_TYPE, type Problem } from "./problem";

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

/** A JSON body serialised already (e.g. a stored answer). */
export function jsonText(body: string, status = 200, headers?: Record<string, string>): Response {
  return new Response(body, { status, headers: { ...headers, "content-type": "application/json" } });
}

/**
 * A JSON body encoded and compressed already (shared by many readers): gzipped for a client
 * that accepts it, so nothing is compressed per request.
 */
export function sharedJson(request: Request, body: { json: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer> }, headers?: Record<string, string>): Response {
  const gzip = /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
  return new Response(gzip ? body.gzip : body.json, {
    headers: { ...headers, "content-type": "application/json", vary: "accept-encoding", ...(gzip ? { "content-encoding": "gzip" } : {}) },
  });
}

export function created(data: unknown): Response {
  return json(data, 201);
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function problemResponse(problem: Problem, headers?: HeadersInit): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { ...Object.fromEntries(new Headers(headers)), "content-type": PROBLEM_CONTENT_TYPE },
  });
}
