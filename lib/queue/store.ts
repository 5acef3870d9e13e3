import { db, pool } from "../db";
import { redisClient } from "../redis";
import { PostgresQueueStore } from "./postgres-queue-store";
import type { QueueStore } from "./queue-store";
import { RedisQueueStore } from "./redis-queue-store";

let store: QueueStore | undefined;

/** Redis (through the Upstash REST API) when configured, otherwise PostgreSQL. */
export function queueStore(): QueueStore {
  if (!store) {
    const redis = redisClient();
    store = redis ? new RedisQueueStore(redis, db) : new PostgresQueueStore(pool());
  }
  return store;
}
