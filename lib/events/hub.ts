import { env } from "../env";
import { redisClient } from "../redis";
import { inStream, type DomainEvent, type EventStream } from "./domain-event";
import { eventsAfter, lastEventPosition, streamEventsAfter } from "./read-events";
import { sequenceEvents } from "./sequencer";
import { postgresWakeUps, redisWakeUps, type WakeUps } from "./wake-ups";

// Every instance runs one hub while it has subscribers: one wake-up source and one read of
// the outbox per wake-up, fanned out in memory to every stream open on the instance. It
// wakes when any instance's sequencer says it numbered events (PostgreSQL NOTIFY, or Redis
// pub/sub when Redis is configured), and on its own every PASS_MS (numbering events
// itself), so a lost wake-up or a dropped subscription only delays, never loses.
const PASS_MS = 500;
const READ_BATCH = 1_000;
// A subscriber this far behind is better served by a fresh snapshot than by the backlog.
const MAX_BACKLOG = 10_000;
const LINGER_MS = 30_000;

export interface Subscription {
  close(): void;
}

interface Subscriber {
  stream: EventStream;
  cursor: number;
  /** Events read by the hub while this subscriber was still reading its backlog. */
  pending: DomainEvent[] | null;
  deliver(events: DomainEvent[]): void;
}

export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private last = 0;
  private started: Promise<void> | null = null;
  private wakeUps: WakeUps | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopTimer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private readAgain = false;

  constructor(private readonly options: { wakeUps: () => WakeUps; passMs?: number; lingerMs?: number }) {}

  /**
   * Delivers the stream's events after `after`, in order and each once: first those already
   * kept, then live ones. Null when `after` is more than MAX_BACKLOG events behind.
   */
  async subscribe(stream: EventStream, after: number, deliver: (events: DomainEvent[]) => void): Promise<Subscription | null> {
    await this.start();
    const subscriber: Subscriber = { stream, cursor: after, pending: [], deliver };
    this.subscribers.add(subscriber);
    const close = () => {
      this.subscribers.delete(subscriber);
      this.stopWhenIdle();
    };
    try {
      for (let taken = 0; ; ) {
        const batch = await streamEventsAfter(stream, subscriber.cursor, READ_BATCH);
        taken += batch.length;
        if (taken > MAX_BACKLOG) {
          close();
          return null;
        }
        this.hand(subscriber, batch);
        if (batch.length < READ_BATCH) break;
      }
      const pending = subscriber.pending!;
      subscriber.pending = null;
      this.hand(subscriber, pending);
    } catch (error) {
      close();
      throw error;
    }
    return { close };
  }

  private hand(subscriber: Subscriber, events: DomainEvent[]): void {
    const fresh = events.filter((event) => event.position > subscriber.cursor);
    if (!fresh.length) return;
    subscriber.cursor = fresh.at(-1)!.position;
    subscriber.deliver(fresh);
  }

  private dispatch(events: DomainEvent[]): void {
    for (const subscriber of this.subscribers) {
      const mine = events.filter((event) => inStream(event, subscriber.stream));
      if (!mine.length) continue;
      if (subscriber.pending) {
        subscriber.pending.push(...mine);
        continue;
      }
      try {
        this.hand(subscriber, mine);
      } catch (error) {
        // One subscriber's failure is its own: the others still get theirs.
        console.error(JSON.stringify({ level: "warn", job: "event-hub", message: (error as Error).message }));
      }
    }
  }

  private start(): Promise<void> {
    if (this.stopTimer) clearTimeout(this.stopTimer);
    this.stopTimer = null;
    this.started ??= (async () => {
      this.last = await lastEventPosition();
      this.timer = setInterval(() => void this.pass(), this.options.passMs ?? PASS_MS);
      this.timer.unref();
      this.wakeUps = this.options.wakeUps();
      this.wakeUps.start(() => void this.read());
    })().catch((error: unknown) => {
      this.started = null;
      throw error;
    });
    return this.started;
  }

  private stopWhenIdle(): void {
    if (this.subscribers.size || this.stopTimer) return;
    this.stopTimer = setTimeout(() => {
      this.stopTimer = null;
      if (this.subscribers.size) return;
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      this.wakeUps?.stop();
      this.wakeUps = null;
      this.started = null;
    }, this.options.lingerMs ?? LINGER_MS);
    this.stopTimer.unref();
  }

  private async pass(): Promise<void> {
    try {
      await sequenceEvents();
    } catch (error) {
      console.error(JSON.stringify({ level: "warn", job: "event-hub", message: (error as Error).message }));
    }
    await this.read();
  }

  /** Reads what was numbered since the last read; calls meanwhile fold into one more read. */
  private read(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = (async () => {
      try {
        do {
          this.readAgain = false;
          const events = await eventsAfter(this.last, READ_BATCH);
          if (events.length) {
            this.last = events.at(-1)!.position;
            this.dispatch(events);
          }
          if (events.length === READ_BATCH) this.readAgain = true;
        } while (this.readAgain);
      } catch (error) {
        console.error(JSON.stringify({ level: "warn", job: "event-hub", message: (error as Error).message }));
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }
}

// One per process, kept across hot reloads in development.
const globalForHub = globalThis as unknown as { eventHub?: EventHub };

export function eventHub(): EventHub {
  globalForHub.eventHub ??= new EventHub({
    wakeUps: () => {
      const redis = redisClient();
      return redis ? redisWakeUps(redis) : postgresWakeUps(env().DATABASE_URL);
    },
  });
  return globalForHub.eventHub;
}
