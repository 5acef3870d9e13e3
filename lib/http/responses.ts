import { PROBLEM_CONTENT_TYPE, type Problem } from "./problem";

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

/** A JSON body serialised already: a stored answer, or bytes shared by many readers (not encoded again). */
export function jsonText(body: string | Uint8Array<ArrayBuffer>, status = 200, headers?: Record<string, string>): Response {
  return new Response(body, { status, headers: { ...headers, "content-type": "application/json" } });
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
