import { problemFor } from "./problem";
import { problemResponse } from "./responses";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handlers = Partial<Record<Method, unknown>>;
// Next answers HEAD from GET (and OPTIONS for every route) by itself.
type Missing<H extends Handlers> = Exclude<Method, keyof H | ("GET" extends keyof H ? "HEAD" : never)>;

/**
 * Handlers for the methods a route file does not export. Next answers those with a bare
 * 405; these answer problem+json with the `Allow` header instead:
 * `export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });`
 */
export function otherMethods<H extends Handlers>(handlers: H): Record<Missing<H>, () => Response> {
  const own = METHODS.filter((method) => handlers[method]);
  const allow = [...own, ...(handlers.GET && !handlers.HEAD ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
  const notAllowed = () =>
    problemResponse(problemFor("METHOD_NOT_ALLOWED", `This resource answers only ${allow}.`), { allow });
  const missing = METHODS.filter((method) => !own.includes(method) && !(method === "HEAD" && handlers.GET));
  return Object.fromEntries(missing.map((method) => [method, notAllowed])) as Record<Missing<H>, () => Response>;
}
