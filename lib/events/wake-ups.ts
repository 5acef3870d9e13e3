import type { Redis } from "@upstash/redis";
import pg from "pg";

/** The channel (PostgreSQL NOTIFY and Redis pub/sub alike) that says events were numbered. */
export const EVENTS_CHANNEL = "stagepass_events";

/** Tells a hub that new events were numbered somewhere, so it reads them now. */
export interface WakeUps {
  start(onWake: () => void): void;
  stop(): void;
}

const RECONNECT_MS = 1_000;
// The REST client does not say when a subscription's stream drops: it is renewed this often.
const RESUBSCRIBE_MS = 60_000;

const warn = (message: string) => console.error(JSON.stringify({ level: "warn", job: "event-wake-ups", message }));

/** PostgreSQL LISTEN on a connection of its own (not the pool's), opened again when it drops. */
export function postgresWakeUps(connectionString: string, channels: readonly string[] = [EVENTS_CHANNEL]): WakeUps {
  let client: pg.Client | null = null;
  let running = false;
  const open = async (onWake: () => void) => {
    const connection = new pg.Client({ connectionString });
    const retry = () => {
      if (client === connection) client = null;
      void connection.end().catch(() => undefined);
      if (running) setTimeout(() => running && !client && void open(onWake), RECONNECT_MS).unref();
    };
    connection.on("error", (error) => {
      warn(error.message);
      retry();
    });
    connection.on("notification", () => onWake());
    try {
      await connection.connect();
      for (const channel of channels) await connection.query(`LISTEN ${channel}`);
      if (!running || client) return void connection.end(); // stopped meanwhile, or another is up
      client = connection;
      onWake(); // what was numbered while connecting
    } catch (error) {
      warn((error as Error).message);
      retry();
    }
  };
  return {
    start: (onWake) => {
      running = true;
      void open(onWake);
    },
    stop: () => {
      running = false;
      void client?.end().catch(() => undefined);
      client = null;
    },
  };
}

/** Redis pub/sub over the REST protocol (SUBSCRIBE as a stream), for hosts without LISTEN. */
export function redisWakeUps(redis: Redis): WakeUps {
  let subscription: ReturnType<Redis["subscribe"]> | null = null;
  let renew: NodeJS.Timeout | undefined;
  const subscribe = (onWake: () => void) => {
    void subscription?.unsubscribe().catch(() => undefined);
    subscription = redis.subscribe([EVENTS_CHANNEL]);
    subscription.on("message", () => onWake());
    subscription.on("error", (error) => warn(error.message));
  };
  return {
    start: (onWake) => {
      subscribe(onWake);
      renew = setInterval(() => subscribe(onWake), RESUBSCRIBE_MS);
      renew.unref();
    },
    stop: () => {
      clearInterval(renew);
      void subscription?.unsubscribe().catch(() => undefined);
      subscription = null;
    },
  };
}

/** Tells Redis subscribers that events were numbered up to `position` (best effort: hubs also poll). */
export async function publishNumbered(redis: Redis | null, position: number): Promise<void> {
  if (!redis) return;
  await redis.publish(EVENTS_CHANNEL, String(position)).catch((error: Error) => warn(error.message));
}
