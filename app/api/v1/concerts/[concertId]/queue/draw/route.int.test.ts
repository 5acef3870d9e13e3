import { describe, expect, it } from "vitest";
import { GET as CHALLENGE } from "@/app/api/v1/concerts/[concertId]/queue/challenge/route";
import { POST as ENTER } from "@/app/api/v1/concerts/[concertId]/queue/route";
import { PATCH as UPDATE } from "@/app/api/v1/organizer/concerts/[concertId]/route";
import { db } from "@/lib/db";
import { saleSettingsChanged } from "@/lib/queue/settings";
import { call, createTestUser } from "@/tests/helpers";
import { organizerWithVenue, publishedConcert } from "@/tests/organizer";
import { GET as DRAW } from "./route";

// An organizer's on-sale settings through the API, and what fans and verifiers then get.

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

describe("the on-sale settings", () => {
  it("commit to a draw with a pre-queue, count down before it, and fix its times once it opens", async () => {
    const o = await organizerWithVenue();
    const { concertId } = await publishedConcert(o);
    const update = (settings: unknown) => call(UPDATE, { method: "PATCH", headers: o.owner.auth, params: { concertId }, body: { settings } });
    const draw = () => call(DRAW, { params: { concertId } });
    expect((await draw()).status).toBe(404);

    const bad = await update({ preQueueOpensAt: inHours(2), admissionSchedule: [{ fromMinute: 0, admitPerMinute: 600 }, { fromMinute: 0, admitPerMinute: 1200 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(["settings.admissionSchedule.1.fromMinute"]);
    const unpaired = await update({ preQueueOpensAt: inHours(2) });
    expect(unpaired.status).toBe(400);
    expect(unpaired.body.errors).toEqual([{ field: "settings.salesOpenAt", message: "is required with a pre-queue: the draw is made then" }]);
    expect((await update({ preQueueOpensAt: inHours(-1), salesOpenAt: inHours(2) })).body.errors).toEqual([{ field: "settings.preQueueOpensAt", message: "must be in the future" }]);

    const opensAt = inHours(1);
    const set = await update({ preQueueOpensAt: opensAt, salesOpenAt: inHours(1.5), challengeDifficulty: 0, minAccountAgeDays: 0, abandonAfterMinutes: 5, admissionSchedule: [{ fromMinute: 0, admitPerMinute: 600 }] });
    expect(set.status).toBe(200);
    expect(set.body.settings).toMatchObject({ preQueueOpensAt: opensAt, abandonAfterMinutes: 5, admissionSchedule: [{ fromMinute: 0, admitPerMinute: 600 }] });
    const committed = await draw();
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ seed: null, entryIds: null, preQueueOpensAt: opensAt });

    // Before the pre-queue opens, a fan is told when it does.
    const fan = await createTestUser();
    const early = await call(ENTER, { method: "POST", headers: fan.auth, params: { concertId } });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: "QUEUE_NOT_OPEN", opensAt });

    // Moving the times is fine until the pre-queue opens; then they are fixed.
    expect((await update({ salesOpenAt: inHours(2) })).status).toBe(200);
    await db.concert.update({ where: { id: concertId }, data: { preQueueOpensAt: new Date(Date.now() - 60_000) } });
    saleSettingsChanged(concertId);
    const moved = await update({ salesOpenAt: inHours(3) });
    expect(moved.status).toBe(409);
    expect(moved.body).toMatchObject({ code: "CONCERT_STATUS", errors: [{ field: "settings.salesOpenAt", message: "cannot change once the pre-queue has opened" }] });
    // Now the fan joins the pre-queue, under the same commitment.
    const joined = await call(ENTER, { method: "POST", headers: fan.auth, params: { concertId } });
    expect(joined.body).toMatchObject({ status: "PRE_QUEUE", number: null, entryId: expect.any(String) });
    expect((await draw()).body.commitment).toBe(committed.body.commitment);
  });

  it("ask for a challenge only where the concert turns one on", async () => {
    const o = await organizerWithVenue();
    const { concertId } = await publishedConcert(o);
    const fan = await createTestUser();
    const challenge = () => call(CHALLENGE, { headers: fan.auth, params: { concertId } });
    expect((await challenge()).status).toBe(404);
    const on = await call(UPDATE, { method: "PATCH", headers: o.owner.auth, params: { concertId }, body: { settings: { challengeDifficulty: 50_000 } } });
    expect(on.status).toBe(200);
    saleSettingsChanged(concertId);
    const given = await challenge();
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ algorithm: "SHA-256", maxnumber: 50_000, challenge: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const refused = await call(ENTER, { method: "POST", headers: fan.auth, params: { concertId } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("CHALLENGE_REQUIRED");
  });
});
