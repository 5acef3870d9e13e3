import { describe, expect, it } from "vitest";
import { isBlockedAddress, targetRefusal } from "./target-guard";

describe("webhook target guard", () => {
  it("blocks every private, loopback, link-local and reserved address, in IPv4, IPv6 and IPv4-in-IPv6", () => {
    for (const address of ["10.1.2.3", "127.0.0.1", "169.254.169.254", "172.20.0.1", "192.168.0.10", "100.64.1.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"]) {
      expect(isBlockedAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isBlockedAddress(address), address).toBe(false);
    }
    expect(isBlockedAddress("not an address")).toBe(true);
  });

  it("says why a URL is refused, and lets through hosts the operator allowed", async () => {
    expect(await targetRefusal("https://10.0.0.1/x", [])).toBe("must not point at a private or reserved network address");
    expect(await targetRefusal("http://93.184.216.34/x", [])).toBe("must use https");
    expect(await targetRefusal("https://a:b@93.184.216.34/x", [])).toBe("must not contain a user name or password");
    expect(await targetRefusal("https://api.localhost/x", [])).toBe("must not point at this server's own network");
    expect(await targetRefusal("https://93.184.216.34/x", [])).toBeNull();
    expect(await targetRefusal("http://127.0.0.1:8080/x", ["127.0.0.1"])).toBeNull();
  });
});
