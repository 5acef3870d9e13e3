import { describe, expect, it } from "vitest";
import { DELETE as LEAVE } from "@/app/api/v1/queue/route";
import { enterQueue } from "@/lib/queue/enter-queue";
import { getQueueSettingsOrThrow } from "@/lib/queue/settings";
import { queueStore } from "@/lib/queue/store";
import { openStream } from "@/tests/event-stream";
import { call, createConcert, createTestUser } from "@/tests/helpers";
import { GET } from "./route";

describe("GET /api/v1/queue/events", () => {
  it("sends the caller's place at once, then their admission when it happens", { timeout: 30_000 }, async () => {
    const concert = await createConcert({ activeLimit: 1, admitPerTick: 1 });
    const [first, second] = [await createTestUser("first"), await createTestUser("second")];
    const shopping = await enterQueue(first.id, concert.id);
    const waiting = await enterQueue(second.id, concert.id);
    expect(waiting.status).toBe("WAITING");

    const stream = await openStream(GET, "/api/v1/queue/events", {}, { ...second.auth, "x-queue-token": waiting.token });
    try {
      expect(stream.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
      const [place] = await stream.next();
      expect(place).toMatchObject({ event: "status", data: { status: "WAITING", position: 1, number: waiting.number } });

      // The shopper leaves and the next admission step lets the second in.
      expect((await call(LEAVE, { method: "DELETE", headers: { ...first.auth, "x-queue-token": shopping.token } })).status).toBe(204);
      await queueStore().admit(concert.id, new Date(), { force: true, settings: await getQueueSettingsOrThrow(concert.id) });
      const statuses = await stream.next(1, 10_000);
      const admitted = statuses.at(-1)!;
      expect(["ADMITTED", "ACTIVE"]).toContain(admitted.data.status);
      expect(admitted.data.position).toBe(0);
    } finally {
      await stream.close();
    }
  });

  it("uses the status route's guards", async () => {
    const user = await createTestUser("no token");
    const refused = await openStream(GET, "/api/v1/queue/events", {}, user.auth);
    expect(refused.response.status).toBe(403);
    expect(await refused.response.json()).toMatchObject({ code: "QUEUE_TOKEN_MISSING" });
  });
});
