import { solveChallenge } from "altcha-lib/v1";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConcert, createUsers } from "@/tests/helpers";
import { drawIfDue, getPublishedDraw } from "./draw";
import { enterQueue, type QueueDeps } from "./enter-queue";
import { createEntryChallenge } from "./entry-challenge";
import { getQueueCounters } from "./get-queue-counters";
import { getQueueStatus } from "./get-queue-status";
import { verifyQueueToken } from "./queue-token";
import { queueStore } from "./store";
import { verifyDraw } from "./verify-draw";

// The on-sale as a fan and the instances see it: a line that is not open yet, a pre-queue
// under a published commitment, one draw however many instances race to make it, a record
// anyone can check, and the entry rules a concert can turn on.

const MINUTE = 60_000;

function clockAt(start: Date) {
  let now = start;
  return { clock: { now: () => now }, set: (to: Date) => void (now = to) };
}

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error as { code?: string; details?: Record<string, string> } | null;
}

describe("the on-sale draw", () => {
  it("counts down, takes a pre-queue, draws once however many race to, and publishes a draw that verifies", async () => {
    const opens = new Date(Date.now() + 60 * MINUTE);
    const salesOpenAt = new Date(opens.getTime() + 30 * MINUTE);
    const concert = await createConcert({ preQueueOpensAt: opens, salesOpenAt, activeLimit: 5, admitPerTick: 5 });
    const time = clockAt(new Date(opens.getTime() - MINUTE));
    const deps: QueueDeps = { store: queueStore(), clock: time.clock };
    const users = await createUsers(40);

    // Before the pre-queue: nobody joins, and the page learns when it opens.
    const early = await problemOf(enterQueue(users[0]!, concert.id, deps));
    expect(early).toMatchObject({ code: "QUEUE_NOT_OPEN", details: { opensAt: opens.toISOString() } });
    const committed = await getPublishedDraw(concert.id);
    expect(committed).toMatchObject({ seed: null, entryIds: null, drawnAt: null });
    expect(committed.commitment).toMatch(/^[0-9a-f]{64}$/);

    // The pre-queue: thirty arrive at once, none with a number yet.
    time.set(new Date(opens.getTime() + MINUTE));
    const pre = await Promise.all(users.slice(0, 30).map((user) => enterQueue(user, concert.id, deps)));
    expect(pre.every((p) => p.status === "PRE_QUEUE" && p.number === null && p.entryId)).toBe(true);

    // The open: ten instances race to draw while five late fans arrive.
    time.set(new Date(salesOpenAt.getTime() + 1_000));
    const [draws, late] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, () => drawIfDue(concert.id, deps))),
      Promise.all(users.slice(30, 35).map((user) => enterQueue(user, concert.id, deps))),
    ]);
    const made = draws.filter((d) => d !== null);
    expect(made.length).toBeLessThanOrEqual(1);
    // Late fans join in arrival order behind all thirty drawn places.
    expect(late.every((p) => p.status !== "PRE_QUEUE" && p.number! > 30)).toBe(true);

    const published = await getPublishedDraw(concert.id);
    expect(published.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(published.commitment).toBe(committed.commitment);
    expect(published.entryIds).toHaveLength(30);
    const verification = verifyDraw(published);
    expect(verification.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verification.ok).toBe(true);

    // Each fan's next status brings the number the published draw gives their entry id, under a new token.
    const statuses = await Promise.all(pre.map(async (p) => getQueueStatus(await verifyQueueToken(p.token, time.clock.now()), deps)));
    statuses.forEach((status, i) => {
      expect(status.number).toBe(verification.numbers.get(pre[i]!.entryId!));
      expect(status.token).toEqual(expect.any(String));
    });
    expect(new Set(statuses.map((s) => s.number)).size).toBe(30);
    // Tampering with the published list is caught.
    const swapped = [...published.entryIds!];
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    expect(verifyDraw({ ...published, entryIds: swapped }).ok).toBe(false);
  });

  it("is made by the pages polling the line at the open, with no cron tick", async () => {
    const opens = new Date(Date.now() + 60 * MINUTE);
    const salesOpenAt = new Date(opens.getTime() + 30 * MINUTE);
    const concert = await createConcert({ preQueueOpensAt: opens, salesOpenAt });
    const time = clockAt(new Date(opens.getTime() + MINUTE));
    const deps: QueueDeps = { store: queueStore(), clock: time.clock };
    for (const user of await createUsers(3)) await enterQueue(user, concert.id, deps);
    expect(await getQueueCounters(concert.id, deps)).toMatchObject({ drawn: false, lastNumber: 0 });
    time.set(salesOpenAt);
    // Polls answer at once and start the draw; a poll a moment later finds it made.
    await Promise.all(Array.from({ length: 8 }, () => getQueueCounters(concert.id, deps)));
    await expect.poll(async () => (await getQueueCounters(concert.id, deps)).drawn, { timeout: 10_000 }).toBe(true);
    expect(await getQueueCounters(concert.id, deps)).toMatchObject({ lastNumber: 3 });
    expect((await getPublishedDraw(concert.id)).entryIds).toHaveLength(3);
  });

  it("asks for a solved challenge bound to the account and line, accepted once", async () => {
    const concert = await createConcert({ challengeDifficulty: 2_000 });
    const other = await createConcert({ challengeDifficulty: 2_000 });
    const [fan, stranger] = await createUsers(2);
    const solved = async (concertId: string, userId: string) => {
      const challenge = await createEntryChallenge(concertId, userId, 2_000, new Date());
      const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
      return Buffer.from(JSON.stringify({ ...challenge, number: solution!.number })).toString("base64");
    };

    expect(await problemOf(enterQueue(fan!, concert.id))).toMatchObject({ code: "CHALLENGE_REQUIRED" });
    expect(await problemOf(enterQueue(fan!, concert.id, undefined, "not base64 json"))).toMatchObject({ code: "CHALLENGE_REQUIRED" });
    expect(await problemOf(enterQueue(fan!, concert.id, undefined, await solved(other.id, fan!)))).toMatchObject({ code: "CHALLENGE_REQUIRED" });
    expect(await problemOf(enterQueue(fan!, concert.id, undefined, await solved(concert.id, stranger!)))).toMatchObject({ code: "CHALLENGE_REQUIRED" });

    // One solution, sent by five tabs at once: exactly one gets in with it.
    const token = await solved(concert.id, fan!);
    const tries = await Promise.allSettled(Array.from({ length: 5 }, () => enterQueue(fan!, concert.id, undefined, token)));
    expect(tries.filter((t) => t.status === "fulfilled")).toHaveLength(1);
    expect(tries.filter((t) => t.status === "rejected").map((t) => (t as PromiseRejectedResult).reason.code)).toEqual(Array(4).fill("CHALLENGE_REQUIRED"));
  });

  it("turns away accounts younger than the concert's minimum age", async () => {
    const concert = await createConcert({ minAccountAgeDays: 7 });
    const [fresh, seasoned] = await createUsers(2);
    await db.user.update({ where: { id: seasoned! }, data: { createdAt: new Date(Date.now() - 8 * 86_400_000) } });
    expect(await problemOf(enterQueue(fresh!, concert.id))).toMatchObject({ code: "ACCOUNT_TOO_NEW", details: { minAccountAgeDays: "7" } });
    expect((await enterQueue(seasoned!, concert.id)).created).toBe(true);
  });
});
