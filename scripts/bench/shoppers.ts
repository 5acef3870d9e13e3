import type pg from "pg";
import type { Db } from "../../lib/db";
import { PostgresQueueStore } from "../../lib/queue/postgres-queue-store";
import { signQueueToken } from "../../lib/queue/queue-token";
import { createSessionUsers } from "./fixtures";

/**
 * `count` signed-in users already shopping (ACTIVE) in the concert's line, with the
 * headers a browser would send: session cookie and queue token.
 */
export async function createActiveShoppers(
  { db, pool }: { db: Db; pool: pg.Pool },
  concertId: string,
  count: number,
  secrets: { AUTH_SECRET: string; QUEUE_TOKEN_SECRET: string },
) {
  const users = await createSessionUsers(db, count, secrets.AUTH_SECRET);
  const store = new PostgresQueueStore(pool);
  const settings = { activeLimit: count + 10, admitPerTick: count + 10, activeTtlSeconds: 3600 };
  const numbers: number[] = [];
  for (const user of users) numbers.push((await store.enter(concertId, user.id, settings, new Date())).entry.number!);
  await store.admit(concertId, new Date(), { force: true, settings });
  return Promise.all(
    users.map(async (user, i) => {
      await store.poll(concertId, user.id, numbers[i]!, new Date());
      const token = await signQueueToken({ userId: user.id, concertId, number: numbers[i]! }, new Date(), secrets.QUEUE_TOKEN_SECRET);
      return { id: user.id, headers: { cookie: user.cookie, "x-queue-token": token } };
    }),
  );
}
