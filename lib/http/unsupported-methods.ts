import type { IncomingMessage, ServerResponse } from "node:http";
import { PROBLEM_CONTENT_TYPE, problemFor } from "./problem";

// Node's fetch `Request` refuses TRACE, so Next fails on it with a 500 before any of our
// code (a proxy included) runs; the production server (scripts/serve.ts) answers it first. (Node's parser itself
// refuses TRACK, and CONNECT never reaches a request handler.)
const REFUSED_BY_FETCH = new Set(["TRACE"]);

/** Answers a request Next cannot represent with 405 problem+json; false for any other. */
export function answerUnsupportedMethod(request: IncomingMessage, response: ServerResponse): boolean {
  if (!REFUSED_BY_FETCH.has(request.method ?? "")) return false;
  const problem = problemFor("METHOD_NOT_ALLOWED", `${request.method} is not supported by this server.`);
  response.writeHead(problem.status, { "content-type": PROBLEM_CONTENT_TYPE, "x-content-type-options": "nosniff" });
  response.end(JSON.stringify(problem));
  return true;
}
