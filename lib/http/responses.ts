import { PROBLEM_CONTENT_TYPE, type Problem } from "./problem";

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

/**
 * A JSON body serialised already: a stored answer, or bytes shared by many readers, neither
 * encoded again nor copied (a Response copies the bytes it is given; a stream of them it does not).
 */
export function jsonText(body: string | Uint8Array<ArrayBuffer>, status = 200, headers?: Record<string, string>): Response {
  const shared =
    typeof body === "string"
      ? body
      : new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(body);
            controller.close();
          },
        });
  return new Response(shared, { status, headers: { ...headers, "content-type": "application/json" } });
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
