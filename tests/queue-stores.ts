import { inject } from "vitest";
import { db, pool } from "@/lib/db";
import { PostgresQueueStore } from "@/lib/queue/postgres-queue-store";
import type { QueueStore } from "@/lib/queue/queue-store";
import { RedisQueueStore } from "@/lib/queue/redis-queue-store";
import { createRedisClient } from "@/lib/redis";

/** Both queue stores, for contract suites: the Redis one is null (and its suite skipped, with a warning) when no Redis is reachable. */
export function queueStoreImplementations(): [string, (() => QueueStore) | null][] {
  const upstash = inject("upstash");
  return [
    ["postgres", () => new PostgresQueueStore(pool())],
    ["redis", upstash && (() => new RedisQueueStore(createRedisClient(upstash.url, upstash.token), db))],
  ];
}
