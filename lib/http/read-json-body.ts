import type { NextRequest } from "next/server";
import { DomainError } from "../errors";

/** Most JSON bodies this API takes are a few hundred bytes; anything near this is not ours. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

/**
 * The request's JSON body. Only JSON is accepted (415 otherwise: a form post cannot pose as
 * an API call), and reading stops at the size limit (413), declared or not.
 */
export async function readJsonBody(request: NextRequest, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON, with Content-Type: application/json.", [
      { field: "Content-Type", message: "must be application/json" },
    ]);
  }
  const text = await readText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("MALFORMED_JSON", "The request body must be valid JSON.");
  }
}

async function readText(request: NextRequest, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new DomainError("PAYLOAD_TOO_LARGE", `The request body must be at most ${maxBytes} bytes.`, [{ field: "(body)", message: `must be at most ${maxBytes} bytes` }]);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
