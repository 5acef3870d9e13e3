import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { call, createConcert, createTestUser, testDoc } from "@/tests/helpers";
import { enterQueue } from "./enter-queue";
import { getQueueStatus } from "./get-queue-status";
import { ADMIT_INTERVAL_MS } from "./queue-store";
import { leaveQueue } from "./leave-queue";
import { signQueueToken, verifyQueueToken } from "./queue-token";

// A stand-in for the booking routes: protected by the one guard, for its concert.
const protectedRoute = route(
  { auth: "user", params: z.object({ concertId: z.uuid() }), queue: ({ params }) => params.concertId, doc: testDoc },
  async ({ queue }) => json({ number: queue!.number }),
);

async function shopper(concertId: string) {
  const user = await createTestUser();
  const entered = await enterQueue(user.id, concertId);
  return { user, entered };
}

function get(concertId: string, user: { auth: Record<string, string> }, token?: string) {
  return call(protectedRoute, { params: { concertId }, headers: { ...user.auth, ...(token ? { "x-queue-token": token } : {}) } });
}

describe("queue guard", () => {
  it("lets an active token holder in", async () => {
    const concert = await createConcert({ activeLimit: 10 });
    const { user, entered } = await shopper(concert.id);
    expect(entered.status).toBe("ACTIVE");
    const response = await get(concert.id, user, entered.token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ number: entered.number });
  });

  it("refuses a missing token (403) and someone still waiting (403)", async () => {
    const concert = await createConcert({ activeLimit: 1 });
    const first = await shopper(concert.id);
    const second = await shopper(concert.id);
    expect(second.entered.status).toBe("WAITING");
    expect((await get(concert.id, first.user)).body).toMatchObject({ status: 403, code: "QUEUE_TOKEN_MISSING" });
    expect((await get(concert.id, second.user, second.entered.token)).body).toMatchObject({ status: 403, code: "QUEUE_NOT_ACTIVE" });
  });

  it("refuses forged, tampered and expired tokens (403), each with its own code", async () => {
    const concert = await createConcert({ activeLimit: 10 });
    const { user, entered } = await shopper(concert.id);
    const claims = await verifyQueueToken(entered.token, new Date());
    const forged = await new SignJWT({ concertId: concert.id, number: claims.number })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(user.id)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("a-secret-that-is-not-ours-at-all-000000"));
    const [header, payload, signature] = entered.token.split(".");
    const bumped = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), number: claims.number + 1000 })).toString("base64url");
    const tampered = [header, bumped, signature].join(".");
    const expired = await signQueueToken(claims, new Date(Date.now() - 13 * 60 * 60 * 1000));

    for (const [token, code] of [
      [forged, "QUEUE_TOKEN_INVALID"],
      [tampered, "QUEUE_TOKEN_INVALID"],
      ["not.a.jwt", "QUEUE_TOKEN_INVALID"],
      [expired, "QUEUE_TOKEN_EXPIRED"],
    ] as const) {
      const response = await get(concert.id, user, token);
      expect(response.status, code).toBe(403);
      expect(response.body.code).toBe(code);
    }
  });

  it("makes a token useless to anyone but its owner (403)", async () => {
    const concert = await createConcert({ activeLimit: 10 });
    const { entered } = await shopper(concert.id);
    const thief = await createTestUser("thief");
    expect((await get(concert.id, thief, entered.token)).body).toMatchObject({ status: 403, code: "QUEUE_TOKEN_NOT_YOURS" });
  });

  it("refuses a token for another concert's line (403)", async () => {
    const [concert, other] = [await createConcert({ activeLimit: 10 }), await createConcert({ activeLimit: 10 })];
    const { user, entered } = await shopper(other.id);
    expect((await get(concert.id, user, entered.token)).body).toMatchObject({ status: 403, code: "QUEUE_TOKEN_WRONG_CONCERT" });
  });

  it("stops honouring a token the moment its holder leaves", async () => {
    const concert = await createConcert({ activeLimit: 10 });
    const { user, entered } = await shopper(concert.id);
    await leaveQueue(await verifyQueueToken(entered.token, new Date()));
    expect((await get(concert.id, user, entered.token)).body).toMatchObject({ status: 403, code: "QUEUE_NOT_ACTIVE" });
    // Joining again gives a new place and a new token; the old one stays dead.
    const again = await enterQueue(user.id, concert.id);
    expect(again.number).toBeGreaterThan(entered.number!);
    await new Promise((r) => setTimeout(r, ADMIT_INTERVAL_MS + 100));
    expect((await getQueueStatus(await verifyQueueToken(again.token, new Date()))).status).toBe("ACTIVE");
    expect((await get(concert.id, user, entered.token)).status).toBe(403);
    expect((await get(concert.id, user, again.token)).status).toBe(200);
  });
});
