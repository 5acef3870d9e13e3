import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getQueueSettingsOrThrow } from "@/lib/queue/settings";
import { queueStore } from "@/lib/queue/store";
import { call, createConcert, createTestUser, createUsers } from "@/tests/helpers";
import { GET } from "./route";

describe("GET /api/cron/tick", () => {
  it("refuses callers without the cron secret", async () => {
    for (const authorization of [undefined, "Bearer wrong", env().CRON_SECRET]) {
      const response = await call(GET, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
    }
  });

  it("advances every line by one step, within its limits", async () => {
    const concert = await createConcert({ activeLimit: 5, admitPerTick: 2 });
    const users = await createUsers(6);
    const settings = await getQueueSettingsOrThrow(concert.id);
    for (const user of users) await queueStore().enter(concert.id, user, settings, new Date());
    const tick = () => call(GET, { headers: { authorization: `Bearer ${env().CRON_SECRET}` } });
    const steps = [];
    for (let i = 0; i < 3; i++) {
      const response = await tick();
      expect(response.status).toBe(200);
      steps.push(response.body.queues.find((q: { concertId: string }) => q.concertId === concert.id));
    }
    // The first arrival got in on entering; then two per tick until the five slots are taken.
    expect(steps).toEqual([
      { concertId: concert.id, admitted: 2, serving: 3 },
      { concertId: concert.id, admitted: 2, serving: 5 },
      { concertId: concert.id, admitted: 0, serving: 5 },
    ]);
  });
});

describe("GET /api/cron/tick housekeeping", () => {
  it("purges sessions past their end, and keeps one signed out early until then", async () => {
    const user = await createTestUser();
    const now = Date.now();
    const day = 24 * 60 * 60_000;
    const [expired, signedOut, live] = await Promise.all([
      db.session.create({ data: { userId: user.id, expiresAt: new Date(now - 1000) } }),
      db.session.create({ data: { userId: user.id, expiresAt: new Date(now + day), revokedAt: new Date(now - 2 * day) } }),
      db.session.create({ data: { userId: user.id, expiresAt: new Date(now + day) } }),
    ]);
    const response = await call(GET, { headers: { authorization: `Bearer ${env().CRON_SECRET}` } });
    expect(response.body.purged.sessions).toBeGreaterThanOrEqual(1);
    // The signed-out row is how an instance started later knows its cookie no longer counts.
    const left = await db.session.findMany({ where: { id: { in: [expired.id, signedOut.id, live.id] } }, select: { id: true } });
    expect(left.map((s) => s.id).sort()).toEqual([signedOut.id, live.id].sort());
  });
});

describe("GET /api/cron/tick and domain events", () => {
  it("numbers events that no instance numbered (their writer died after commit), and records admissions", async () => {
    const concert = await createConcert({ activeLimit: 5, admitPerTick: 5 });
    const [first, second] = await createUsers(2);
    const settings = await getQueueSettingsOrThrow(concert.id);
    for (const user of [first!, second!]) await queueStore().enter(concert.id, user, settings, new Date());
    // Written straight to the outbox, the way a transaction of an instance that then crashed leaves it.
    const orphan = await db.event.create({ data: { type: "test.orphan", userId: first!, payload: {} } });

    const response = await call(GET, { headers: { authorization: `Bearer ${env().CRON_SECRET}` } });
    const numbered = await db.event.findUniqueOrThrow({ where: { id: orphan.id } });
    expect(numbered.position).not.toBeNull();
    expect(response.body.lastEventPosition).toBeGreaterThanOrEqual(Number(numbered.position));
    const admitted = await db.event.findMany({ where: { concertId: concert.id, type: "queue.admitted" }, select: { userId: true } });
    expect(admitted.map((e) => e.userId).sort()).toEqual([first!, second!].sort());
  });
});
