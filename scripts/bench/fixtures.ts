import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Db } from "../../lib/db";
import { createFixtureConcert } from "../db/fixture-concert";

/** Signed-in browser sessions for `count` new users: a live session row each, and its cookie. */
export async function createSessionUsers(db: Db, count: number, authSecret: string) {
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({ email: `bench-${i}-${randomUUID()}@example.test`, name: `Bench ${i}`, passwordHash: "none" })),
    select: { id: true, email: true, name: true },
  });
  await db.wallet.createMany({ data: users.map((u) => ({ userId: u.id })) });
  const expiresAt = new Date(Date.now() + 86_400_000);
  const sessions = await db.session.createManyAndReturn({ data: users.map((u) => ({ userId: u.id, expiresAt })), select: { id: true, userId: true } });
  const sessionOf = new Map(sessions.map((s) => [s.userId, s.id]));
  const sexp = Math.floor(expiresAt.getTime() / 1000);
  return Promise.all(
    users.map(async (user) => {
      const jwt = await encode({ token: { sub: user.id, email: user.email, name: user.name, sid: sessionOf.get(user.id), sexp }, secret: authSecret });
      return { id: user.id, cookie: `next-auth.session-token=${jwt}` };
    }),
  );
}

export function createBenchConcert(db: Db, queue: { activeLimit: number; admitPerTick: number }) {
  return createFixtureConcert(db, {
    title: "Benchmark Night",
    artist: "Load",
    venue: "Loopback Arena",
    description: "Created by npm run bench.",
    queueActiveLimit: queue.activeLimit,
    queueAdmitPerTick: queue.admitPerTick,
  });
}

/** A date on sale for the concert with `seats` seats at one price: sections of 40 rows of 50. */
export async function createBenchDate(db: Db, concertId: string, seats: number) {
  const schedule = await db.schedule.create({
    data: {
      concertId,
      startsAt: new Date(Date.now() + 30 * 86_400_000),
      salesOpenAt: new Date(Date.now() - 86_400_000),
      layoutVersion: 1,
    },
    select: { id: true },
  });
  await db.seat.createMany({
    data: Array.from({ length: seats }, (_, i) => ({
      scheduleId: schedule.id,
      section: `S${Math.floor(i / 2000) + 1}`,
      row: String(Math.floor((i % 2000) / 50) + 1),
      number: (i % 50) + 1,
      tier: "VIP",
      price: 150_000,
    })),
  });
  return { id: schedule.id, seatIds: (await db.seat.findMany({ where: { scheduleId: schedule.id }, select: { id: true } })).map((s) => s.id) };
}

export const randomSecret = () => randomBytes(32).toString("base64url");
