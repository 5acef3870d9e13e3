import { Redis } from "@upstash/redis";
import { db } from "../db";
import { env } from "../env";
import { PostgresQueueStore } from "./postgres-queue-store";
import type { QueueStore } from "./queue-store";
import { RedisQueueStore } from "./redis-queue-store";

export function createUpstashClient(url: string, token: string): Redis {
  // Plain strings back from Redis: the stores parse their own replies.
  return new Redis({ url, token, automaticDeserialization: false, enableTelemetry: false });
}

let store: QueueStore | undefined;

/** Redis (through the Upstash REST API) when configured, otherwise PostgreSQL. */
export function queueStore(): QueueStore {
  if (!store) {
    const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env();
    store = url && token ? new RedisQueueStore(createUpstashClient(url, token)) : new PostgresQueueStore(db);
  }
  return store;
}
