import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { sequenceAllEvents } from "@/lib/events/sequencer";
import { inSqlTransaction } from "@/lib/sql";
import { chargeWallet } from "@/lib/wallet/charge-wallet";
import { createUsers } from "@/tests/helpers";
import { startReceiver } from "@/tests/webhook-receiver";
import { dispatchWebhooks, RETRY_DELAYS_S, runWebhookPass } from "./deliveries";
import { createWebhook, redeliver, rotateWebhookSecret } from "./endpoints";
import { postWebhook } from "./post-webhook";

const receivers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(statuses?: number[]) {
  const started = await startReceiver(statuses);
  receivers.push(started);
  return started;
}

const topUp = (userId: string, amount: number) => inSqlTransaction(pool(), (tx) => chargeWallet(tx, userId, amount));

/** Everything committed so far numbered and sent, as a worker would. */
async function deliverNow() {
  await sequenceAllEvents();
  return runWebhookPass({ maxMs: 10_000 });
}

describe("webhooks", () => {
  it("deliver the account's chosen events, signed so that the reference library verifies them", async () => {
    const hooks = await receiver();
    const [fan, other] = await createUsers(2);
    const endpoint = await createWebhook(fan!, { url: hooks.url, description: "", eventTypes: ["wallet.charged"] });
    await createWebhook(other!, { url: hooks.url, description: "", eventTypes: ["payment.completed"] });
    await sequenceAllEvents();
    await dispatchWebhooks(); // what happened before the endpoint existed is not sent

    await topUp(fan!, 25_000);
    await topUp(other!, 1_000); // another account, and a type its endpoint did not choose
    await deliverNow();

    expect(hooks.received).toHaveLength(1);
    const [message] = hooks.received;
    const verified = new Webhook(endpoint.secret).verify(message!.body, message!.headers as Record<string, string>);
    expect(verified).toEqual({ type: "wallet.charged", timestamp: expect.any(String), data: expect.objectContaining({ amount: 25_000, balance: 25_000 }) });
    expect(() => new Webhook(endpoint.secret).verify(message!.body.replace("25000", "95000"), message!.headers as Record<string, string>)).toThrow();
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(message!.headers["webhook-id"]).toBe(delivery.id);
    expect(delivery.status).toBe("SUCCEEDED");
  });

  it("retry after a 500 with backoff, keep the same webhook-id, and log every answer", async () => {
    const hooks = await receiver([500, 200]);
    const [fan] = await createUsers(1);
    const endpoint = await createWebhook(fan!, { url: hooks.url, description: "", eventTypes: ["wallet.charged"] });
    await topUp(fan!, 1_000);
    await deliverNow();

    const failed = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500 });
    const wait = (failed.nextAttemptAt!.getTime() - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(RETRY_DELAYS_S[0]! * 0.9 - 1);
    expect(wait).toBeLessThanOrEqual(RETRY_DELAYS_S[0]! * 1.1);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).not.toBeNull();

    await runWebhookPass({ maxMs: 5_000 }); // not due yet: nothing is sent
    expect(hooks.received).toHaveLength(1);
    await db.webhookDelivery.update({ where: { id: failed.id }, data: { nextAttemptAt: new Date() } });
    await runWebhookPass({ maxMs: 5_000 });

    expect(hooks.received.map((r) => r.headers["webhook-id"])).toEqual([failed.id, failed.id]);
    const done = await db.webhookDelivery.findUniqueOrThrow({ where: { id: failed.id }, include: { attemptsLog: { orderBy: { attemptedAt: "asc" } } } });
    expect(done.status).toBe("SUCCEEDED");
    expect(done.attemptsLog.map((a) => a.statusCode)).toEqual([500, 200]);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toBeNull();
  });

  it("give a delivery up after the last retry, switch off an endpoint failing for a day, and redeliver on demand", async () => {
    const hooks = await receiver([503]);
    const [fan] = await createUsers(1);
    const endpoint = await createWebhook(fan!, { url: hooks.url, description: "", eventTypes: ["wallet.charged"] });
    await topUp(fan!, 1_000);
    await sequenceAllEvents();
    await dispatchWebhooks();
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    // The last retry, of an endpoint that has failed since yesterday.
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { attempts: RETRY_DELAYS_S.length } });
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: new Date(Date.now() - 25 * 3_600_000), lastFailureAt: new Date(Date.now() - 3_600_000) } });
    await runWebhookPass({ maxMs: 5_000 });

    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "FAILED", nextAttemptAt: null, lastStatusCode: 503 });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("24 hours") });

    // A redelivery to a switched-off endpoint waits until it is switched on again.
    const again = await redeliver(fan!, endpoint.id, delivery.id);
    expect(again.status).toBe("PENDING");
    await runWebhookPass({ maxMs: 5_000 });
    expect(hooks.received).toHaveLength(1);
  });

  it("start a new streak, not switch off, when an endpoint quiet for days fails once", async () => {
    const hooks = await receiver([502]);
    const [fan] = await createUsers(1);
    const endpoint = await createWebhook(fan!, { url: hooks.url, description: "", eventTypes: ["wallet.charged"] });
    const day = 24 * 3_600_000;
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: new Date(Date.now() - 8 * day), lastFailureAt: new Date(Date.now() - 7 * day) } });
    await topUp(fan!, 1_000);
    await deliverNow();

    const after = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(after.enabled).toBe(true);
    expect(Date.now() - after.failingSince!.getTime()).toBeLessThan(60_000);
  });

  it("sign with both secrets for a day after a rotation", async () => {
    const hooks = await receiver();
    const [fan] = await createUsers(1);
    const before = await createWebhook(fan!, { url: hooks.url, description: "", eventTypes: ["wallet.charged"] });
    const after = await rotateWebhookSecret(fan!, before.id);
    expect(after.secret).not.toBe(before.secret);
    await topUp(fan!, 1_000);
    await deliverNow();

    const [message] = hooks.received;
    expect(String(message!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const secret of [before.secret, after.secret]) {
      expect(new Webhook(secret).verify(message!.body, message!.headers as Record<string, string>)).toMatchObject({ type: "wallet.charged" });
    }
  });

  it("turn each event into one delivery per endpoint and send each once, however many workers race", { timeout: 60_000 }, async () => {
    const hooks = await receiver();
    const fans = await createUsers(10);
    for (const fan of fans) await createWebhook(fan, { url: hooks.url, description: "", eventTypes: ["wallet.charged"] });
    await Promise.all(fans.flatMap((fan) => [topUp(fan, 1_000), topUp(fan, 2_000), topUp(fan, 3_000)]));
    await sequenceAllEvents();

    await Promise.all(Array.from({ length: 4 }, () => runWebhookPass({ maxMs: 20_000 })));
    await runWebhookPass({ maxMs: 5_000 });

    const ids = hooks.received.map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    const deliveries = await db.webhookDelivery.findMany({ where: { endpoint: { userId: { in: fans } } } });
    expect(deliveries.map((d) => d.status)).toEqual(deliveries.map(() => "SUCCEEDED"));
  });

  it("refuse private, loopback and plain-http targets when registering and again when sending", async () => {
    const [fan] = await createUsers(1);
    for (const url of [
      "https://10.0.0.8/hooks",
      "https://192.168.1.1/hooks",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/hooks",
      "https://[::ffff:127.0.0.2]/hooks",
      "https://localhost/hooks",
      "https://user:secret@example.test/hooks",
      "http://93.184.216.34/hooks", // public, but not https
    ]) {
      await expect(createWebhook(fan!, { url, description: "", eventTypes: ["wallet.charged"] }), url).rejects.toMatchObject({ code: "VALIDATION_FAILED", errors: [{ field: "url" }] });
    }
    // At sending time, whatever the stored URL says (a name can resolve elsewhere later).
    expect(await postWebhook("http://10.1.2.3:9/hooks", {}, "{}", ["127.0.0.1"])).toMatchObject({ statusCode: null, error: expect.stringContaining("private") });
    expect(await postWebhook("http://localhost:9/hooks", {}, "{}", [])).toMatchObject({ statusCode: null, error: expect.stringContaining("private") });
  });
});
