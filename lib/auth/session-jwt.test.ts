import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionJwt } from "./session-jwt";

const secret = "a-session-secret-of-thirty-two-characters";

describe("decodeSessionJwt", () => {
  it("reads the cookies next-auth writes", async () => {
    const token = await encode({ token: { sub: "user-1", email: "fan@example.test", sid: "session-1" }, secret });
    expect(await decodeSessionJwt({ token, secret })).toMatchObject({ sub: "user-1", email: "fan@example.test", sid: "session-1" });
    // Again, from the kept key.
    expect(await decodeSessionJwt({ token, secret })).toMatchObject({ sub: "user-1" });
  });

  it("refuses a cookie made with another secret or salt, and an expired one", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret });
    await expect(decodeSessionJwt({ token, secret: `${secret}-other` })).rejects.toThrow();
    await expect(decodeSessionJwt({ token, secret, salt: "other" })).rejects.toThrow();
    const expired = await encode({ token: { sub: "user-1" }, secret, maxAge: -60 });
    await expect(decodeSessionJwt({ token: expired, secret })).rejects.toThrow(/exp/);
  });

  it("refuses a tampered cookie and any header next-auth does not write", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret });
    const [header, key, iv, ciphertext, tag] = token.split(".") as [string, string, string, string, string];
    const flipped = Buffer.from(ciphertext, "base64url");
    flipped[0]! ^= 1;
    await expect(decodeSessionJwt({ token: [header, key, iv, flipped.toString("base64url"), tag].join("."), secret })).rejects.toThrow(/decryption/);
    const zipped = Buffer.from(JSON.stringify({ alg: "dir", enc: "A256GCM", zip: "DEF" })).toString("base64url");
    await expect(decodeSessionJwt({ token: [zipped, key, iv, ciphertext, tag].join("."), secret })).rejects.toThrow(/header/);
    await expect(decodeSessionJwt({ token: "not.a.jwe", secret })).rejects.toThrow(/compact/);
    // Another spelling of the same bytes (the decoder would skip the stray character) is refused too.
    await expect(decodeSessionJwt({ token: [header, key, iv, `${ciphertext.slice(0, 4)}!${ciphertext.slice(4)}`, tag].join("."), secret })).rejects.toThrow(/compact/);
  });

  it("reads no cookie as no session", async () => {
    expect(await decodeSessionJwt({ token: undefined, secret })).toBeNull();
  });
});
