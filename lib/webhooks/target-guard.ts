import { BlockList, isIP } from "node:net";
import type { LookupFunction } from "node:net";
import { lookup as dnsLookup } from "node:dns";

// Webhook targets are chosen by users, and the server calls them: without a guard anyone
// could make it call its own network (SSRF), a cloud metadata address or the database.
// Only public unicast addresses are called, checked on every connection (after DNS, so a
// name that later resolves elsewhere is caught), unless the operator allows a host by name
// (WEBHOOK_ALLOWED_PRIVATE_HOSTS: a receiver on the same network, tests).

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24],
  ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], ["::1", 128], ["64:ff9b::", 96], ["100::", 64], ["2001:db8::", 32], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** Whether an address is anything but public unicast (private, loopback, link-local, reserved…). */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is that IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  return blocked.check(address, "ipv6");
}

export class BlockedTargetError extends Error {
  override name = "BlockedTargetError";
}

const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, "").toLowerCase();

/**
 * Why the URL may not be a webhook target, or null when it may: http(s) only, no
 * credentials in it, and not a private address or a name for one (names are resolved
 * again at every delivery). Plain http only to hosts the operator allowed.
 */
export async function targetRefusal(url: string, allowedHosts: readonly string[]): Promise<string | null> {
  const parsed = new URL(url);
  if (parsed.username || parsed.password) return "must not contain a user name or password";
  const host = bareHost(parsed.hostname);
  if (allowedHosts.includes(host)) return null;
  if (parsed.protocol !== "https:") return "must use https";
  if (host === "localhost" || host.endsWith(".localhost")) return "must not point at this server's own network";
  const addresses = isIP(host) ? [host] : await resolveAll(host);
  if (addresses === null) return "names a host that could not be found";
  if (addresses.some(isBlockedAddress)) return "must not point at a private or reserved network address";
  return null;
}

// A name server that never answers must not hold a request open.
const LOOKUP_TIMEOUT_MS = 5_000;

function resolveAll(host: string): Promise<string[] | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), LOOKUP_TIMEOUT_MS);
    dnsLookup(host, { all: true }, (error, found) => {
      clearTimeout(timer);
      resolve(error ? null : found.map((a) => a.address));
    });
  });
}

/**
 * A DNS lookup for the HTTP client that refuses blocked addresses at connection time,
 * unless the host is one the operator allowed.
 */
export function guardedLookup(allowedHosts: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const allowed = allowedHosts.includes(bareHost(hostname));
      const usable = addresses.filter((a) => allowed || !isBlockedAddress(a.address));
      if (!usable.length) return callback(new BlockedTargetError(`${hostname} resolves only to private or reserved addresses`), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}
