import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DELETE } from "@/app/api/v1/queue/route";
import { GET as STATUS } from "@/app/api/v1/queue/status/route";
import { call, createConcert, createTestUser } from "@/tests/helpers";
import { GET, POST } from "./route";

const enter = (concertId: string, auth: Record<string, string>) => call(POST, { method: "POST", params: { concertId }, headers: auth });
const status = (auth: Record<string, string>, token: string) => call(STATUS, { headers: { ...auth, "x-queue-token": token } });

describe("waiting room API", () => {
  it("enters, reports the place, returns the same place on re-entry, and leaves", async () => {
    const concert = await createConcert({ activeLimit: 1 });
    const first = await createTestUser();
    const second = await createTestUser();
    const a = await enter(concert.id, first.auth);
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: "ACTIVE", number: 1, position: 0, created: true });
    expect(a.body.activeUntil).toEqual(expect.any(String));

    const b = await enter(concert.id, second.auth);
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({ status: "WAITING", number: 2, position: 1, created: true });
    expect(b.body.pollAfterMs).toBeGreaterThanOrEqual(1000);
    const again = await enter(concert.id, second.auth);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ number: 2, created: false });

    expect((await status(second.auth, b.body.token)).body).toMatchObject({ status: "WAITING", position: 1 });
    expect((await call(DELETE, { method: "DELETE", headers: { ...first.auth, "x-queue-token": a.body.token } })).status).toBe(204);
    expect((await status(first.auth, a.body.token)).body).toMatchObject({ status: "EXPIRED", pollAfterMs: null });

    // The freed slot goes to the next person on their next poll (after the admission interval).
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await status(second.auth, b.body.token)).body).toMatchObject({ status: "ACTIVE", position: 0 });
  });

  it("serves the public counters with a short shared cache lifetime", async () => {
    const concert = await createConcert();
    const user = await createTestUser();
    await enter(concert.id, user.auth);
    const counters = await call(GET, { params: { concertId: concert.id } });
    expect(counters.status).toBe(200);
    expect(counters.body).toMatchObject({ concertId: concert.id, lastNumber: 1, serving: 1 });
    expect(counters.headers.get("cache-control")).toMatch(/public, max-age=1/);
  });

  it("answers 404 for an unknown concert, 400 for a malformed id, 401 without identity", async () => {
    const user = await createTestUser();
    expect((await enter(randomUUID(), user.auth)).body).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect((await call(GET, { params: { concertId: randomUUID() } })).status).toBe(404);
    expect((await enter("nope", user.auth)).body).toMatchObject({ status: 400, errors: [{ field: "params.concertId" }] });
    expect((await enter(randomUUID(), {})).status).toBe(401);
  });

  it("refuses status and leave without the caller's own token", async () => {
    const concert = await createConcert();
    const [owner, other] = [await createTestUser(), await createTestUser()];
    const { body } = await enter(concert.id, owner.auth);
    expect((await call(STATUS, { headers: owner.auth })).body.code).toBe("QUEUE_TOKEN_MISSING");
    expect((await status(other.auth, body.token)).body.code).toBe("QUEUE_TOKEN_NOT_YOURS");
    const leave = await call(DELETE, { method: "DELETE", headers: { ...other.auth, "x-queue-token": body.token } });
    expect(leave.body.code).toBe("QUEUE_TOKEN_NOT_YOURS");
    expect((await status(owner.auth, body.token)).body.status).toBe("ACTIVE");
  });
});
