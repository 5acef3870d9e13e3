import { describe, expect, it } from "vitest";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { runWebhookPass } from "@/lib/webhooks/deliveries";
import { call, createTestUser } from "@/tests/helpers";
import { startReceiver } from "@/tests/webhook-receiver";
import { GET as listDeliveries } from "./[webhookId]/deliveries/route";
import { POST as redeliver } from "./[webhookId]/deliveries/[deliveryId]/redeliver/route";
import { POST as rotate } from "./[webhookId]/rotate-secret/route";
import { DELETE as remove, GET as getOne, PATCH } from "./[webhookId]/route";
import { POST as sendTest } from "./[webhookId]/test/route";
import { GET, POST } from "./route";

describe("/api/v1/me/webhooks", () => {
  it("registers an endpoint, sends it a test message, logs the answers and redelivers on demand", async () => {
    const hooks = await startReceiver([500, 204]);
    try {
      const user = await createTestUser("hooked");
      const made = await call(POST, { method: "POST", headers: user.auth, body: { url: hooks.url, description: "orders", eventTypes: ["payment.completed", "hold.expired"] } });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ url: hooks.url, eventTypes: ["payment.completed", "hold.expired"], enabled: true, secret: expect.stringMatching(/^whsec_/) });
      const params = { webhookId: made.body.id };
      const listed = await call(GET, { headers: user.auth });
      expect(listed.body.items).toEqual([expect.objectContaining({ id: made.body.id })]);
      expect(listed.body.items[0].secret).toBeUndefined();

      const test = await call(sendTest, { method: "POST", headers: user.auth, params });
      expect(test.status).toBe(201);
      expect(test.body).toMatchObject({ type: "webhook.test", status: "PENDING", attempts: [] });
      await runWebhookPass({ maxMs: 5_000 });
      const log = await call(listDeliveries, { headers: user.auth, params });
      expect(log.body.items).toEqual([
        expect.objectContaining({ id: test.body.id, status: "PENDING", attempts: [expect.objectContaining({ statusCode: 500, error: "answered 500" })], nextAttemptAt: expect.any(String) }),
      ]);

      const again = await call(redeliver, { method: "POST", headers: user.auth, params: { ...params, deliveryId: test.body.id } });
      expect(again.status).toBe(200);
      await runWebhookPass({ maxMs: 5_000 });
      const after = await call(listDeliveries, { headers: user.auth, params });
      expect(after.body.items[0]).toMatchObject({ status: "SUCCEEDED", attempts: [{ statusCode: 500 }, { statusCode: 204 }], nextAttemptAt: null });
      expect(JSON.parse(hooks.received[1]!.body)).toMatchObject({ type: "webhook.test", data: { webhookId: made.body.id } });

      const rotated = await call(rotate, { method: "POST", headers: user.auth, params });
      expect(rotated.body.secret).not.toBe(made.body.secret);
      const off = await call(PATCH, { method: "PATCH", headers: user.auth, params, body: { enabled: false } });
      expect(off.body).toMatchObject({ enabled: false, disabledReason: null });
      expect((await call(remove, { method: "DELETE", headers: user.auth, params })).status).toBe(204);
      expect((await call(getOne, { headers: user.auth, params })).status).toBe(404);
    } finally {
      await hooks.close();
    }
  });

  it("refuses bad input field by field, a private target, someone else's endpoint, and a token without the webhooks scope", async () => {
    const user = await createTestUser("careful");
    const bad = await call(POST, { method: "POST", headers: user.auth, body: { url: "ftp://example.test/x", eventTypes: ["seat.held"] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["eventTypes.0", "url"]);
    const none = await call(POST, { method: "POST", headers: user.auth, body: { url: "https://example.test/x", eventTypes: [] } });
    expect(none.body.errors).toEqual([{ field: "eventTypes", message: "must name at least one event type" }]);
    const ssrf = await call(POST, { method: "POST", headers: user.auth, body: { url: "https://10.0.0.1/x", eventTypes: ["wallet.charged"] } });
    expect(ssrf.status).toBe(400);
    expect(ssrf.body.errors).toEqual([{ field: "url", message: "must not point at a private or reserved network address" }]);

    const hooks = await startReceiver();
    try {
      const mine = await call(POST, { method: "POST", headers: user.auth, body: { url: hooks.url, eventTypes: ["wallet.charged"] } });
      const stranger = await createTestUser("stranger");
      expect((await call(getOne, { headers: stranger.auth, params: { webhookId: mine.body.id } })).status).toBe(404);
      const { token } = await createAccessToken(user.id, { name: "read only", scopes: ["read"], expiresInDays: 7 });
      const refused = await call(GET, { headers: { authorization: `Bearer ${token}` } });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe("INSUFFICIENT_SCOPE");
    } finally {
      await hooks.close();
    }
  });
});
