import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { BlockedTargetError, guardedLookup, isBlockedAddress } from "./target-guard";

/** How long a receiver has to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
// Enough of an answer to tell what went wrong; the rest is not read.
const MAX_ANSWER_BYTES = 4_096;

export interface PostResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs one signed message. Redirects are not followed (a 3xx is a failure: a redirect could
 * lead anywhere, past the address guard), nor are answers read past a few kB.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, allowedHosts: readonly string[]): Promise<PostResult> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): PostResult => ({ statusCode, error, durationMs: Math.round(performance.now() - started) });
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && isBlockedAddress(host) && !allowedHosts.includes(host)) {
    return Promise.resolve(done(null, new BlockedTargetError(`${host} is a private or reserved address`).message));
  }
  return new Promise((resolve) => {
    const request = (target.protocol === "https:" ? https : http).request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "Stagepass-Webhooks/1" },
        lookup: guardedLookup(allowedHosts),
        agent: false,
      },
      (response) => {
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) response.destroy();
        });
        const finish = () => resolve(done(response.statusCode ?? null, null));
        response.on("end", finish);
        response.on("close", finish);
      },
    );
    // A deadline for the whole attempt (name lookup, connection, answer), not an idle timer
    // a receiver could keep resetting: an attempt must end well within its claim's lease.
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)), WEBHOOK_TIMEOUT_MS);
    request.on("close", () => clearTimeout(deadline));
    request.on("error", (error) => resolve(done(null, error.message)));
    request.end(body);
  });
}
