import { describe, expect, it } from "vitest";
import { clientIp, PEER_ADDRESS_HEADER, PEER_SECRET_VARIABLE, peerAddressHeader } from "./client-ip";

process.env[PEER_SECRET_VARIABLE] = "secret-of-this-process";

const headers = (h: Record<string, string>) => new Headers(h);
const spoofed = { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", "x-vercel-forwarded-for": "8.8.8.8" };

describe("clientIp", () => {
  it("trusts no header by default: only the TCP peer counts", () => {
    expect(clientIp(headers({ ...spoofed, [PEER_ADDRESS_HEADER]: peerAddressHeader("203.0.113.9") }), undefined)).toBe("203.0.113.9");
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: peerAddressHeader("::ffff:203.0.113.9") }), undefined)).toBe("203.0.113.9");
    expect(clientIp(headers(spoofed), undefined)).toBe("unknown");
  });

  it("ignores a peer header the production server did not set (a client's own, or no such server)", () => {
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "203.0.113.9" }), undefined)).toBe("unknown");
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "guessed-secret 203.0.113.9" }), undefined)).toBe("unknown");
    const secret = process.env[PEER_SECRET_VARIABLE];
    delete process.env[PEER_SECRET_VARIABLE];
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: `${secret} 203.0.113.9` }), undefined)).toBe("unknown");
    process.env[PEER_SECRET_VARIABLE] = secret;
  });

  it("with N trusted proxies, takes the N-th X-Forwarded-For entry from the right", () => {
    const chain = { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2", [PEER_ADDRESS_HEADER]: "10.0.0.3" };
    expect(clientIp(headers(chain), 1)).toBe("10.0.0.2");
    expect(clientIp(headers(chain), 2)).toBe("203.0.113.9");
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.9" }), 2)).toBe("unknown");
    expect(clientIp(headers({ "x-forwarded-for": "not-an-ip" }), 1)).toBe("unknown");
  });

  it("on Vercel, reads the platform's header", () => {
    expect(clientIp(headers({ ...spoofed, "x-vercel-forwarded-for": "203.0.113.9" }), "vercel")).toBe("203.0.113.9");
  });
});
