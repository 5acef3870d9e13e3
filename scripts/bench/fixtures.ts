import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Db } from "../../lib/db";

/** Session cookies for `count` new users, as the browser would send them (no DB lookup per request). */
export async function createSessionUsers(db: Db, count: number, authSecret: string) {
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({ email: `bench-${i}-${randomUUID()}@example.test`, name: `Bench ${i}`, passwordHash: "none" })),
    select: { id: true, email: true, name: true },
  });
  await db.wallet.createMany({ data: users.map((u) => ({ userId: u.id })) });
  return Promise.all(
    users.map(async (user) => {
      const jwt = await encode({ token: { sub: user.id, email: user.email, name: user.name }, secret: authSecret });
      return { id: user.id, cookie: `next-auth.session-token=${jwt}` };
    }),
  );
}

export async function createBenchConcert(db: Db, queue: { activeLimit: number; admitPerTick: number }) {
  return db.concert.create({
    data: {
      slug: `bench-${randomUUID()}`,
      title: "Benchmark Night",
      artist: "Load",
      venue: "Loopback Arena",
      description: "Created by npm run bench.",
      queueActiveLimit: queue.activeLimit,
      queueAdmitPerTick: queue.admitPerTick,
    },
    select: { id: true },
  });
}

export const randomSecret = () => randomBytes(32).toString("base64url");
