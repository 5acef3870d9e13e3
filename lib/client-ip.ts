import { isIP } from "node:net";
import type { Env } from "./env";

/** Set by the production server (scripts/serve.ts) to the TCP peer's address. */
export const PEER_ADDRESS_HEADER = "x-stagepass-peer";

/**
 * The client's address, trusting proxy headers only as configured (TRUSTED_PROXY):
 * - unset: no proxy is trusted; the address is the TCP peer's, whatever headers say;
 * - a number N: N proxies we run append to X-Forwarded-For, so the client is the N-th
 *   entry from the right (anything further left is the client's own claim);
 * - `vercel`: the platform's own header, which it sets and clients cannot.
 * Anything that is not an IP address counts as "unknown".
 */
export function clientIp(headers: Headers, trustedProxy: Env["TRUSTED_PROXY"]): string {
  let candidate: string | null | undefined;
  if (trustedProxy === "vercel") {
    candidate = headers.get("x-vercel-forwarded-for")?.split(",")[0] ?? headers.get("x-real-ip");
  } else if (trustedProxy) {
    const hops = (headers.get("x-forwarded-for") ?? "").split(",");
    candidate = hops.length >= trustedProxy ? hops[hops.length - trustedProxy] : undefined;
  } else {
    candidate = headers.get(PEER_ADDRESS_HEADER);
  }
  const address = candidate?.trim().replace(/^::ffff:/, "");
  return address && isIP(address) !== 0 ? address : "unknown";
}
