import { isIP } from "node:net";
import type { Env } from "./env";

/**
 * Set by the production server (scripts/serve.ts) to `<secret> <TCP peer's address>`. The
 * secret is drawn when that server starts and kept in this process's environment only, so
 * a client cannot forge the header, and without that server (`next start`, `next dev`) the
 * header never counts.
 */
export const PEER_ADDRESS_HEADER = "x-stagepass-peer";
export const PEER_SECRET_VARIABLE = "STAGEPASS_PEER_SECRET";

/** The header's value for a peer, by the server that knows the secret. */
export function peerAddressHeader(address: string): string {
  return `${process.env[PEER_SECRET_VARIABLE]} ${address}`;
}

function trustedPeer(headers: Headers): string | undefined {
  const secret = process.env[PEER_SECRET_VARIABLE];
  const [given, address] = (headers.get(PEER_ADDRESS_HEADER) ?? "").split(" ");
  return secret && given === secret ? address : undefined;
}

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
    candidate = trustedPeer(headers);
  }
  const address = candidate?.trim().replace(/^::ffff:/, "");
  return address && isIP(address) !== 0 ? address : "unknown";
}
