// The waiting room's state behind one interface, with a Postgres and a Redis
// implementation that pass one contract suite (queue-store.int.test.ts). Every method is
// one atomic store operation: a SQL function call or a Lua script.

export interface QueueSettings {
  /** Most people shopping (admitted or active) at once. */
  activeLimit: number;
  /** Most admissions per admission step; 0 while the organizer has paused the line. */
  admitPerTick: number;
  /** How long an admitted person may shop. */
  activeTtlSeconds: number;
  /** A waiting place unheard of for this long is skipped at admission (its holder may take it back); null: never. */
  abandonAfterSeconds?: number | null;
  /**
   * The concert's settings version these come from: a store records settings only when
   * they are not older than those it has. Without one they always apply (tests, tools).
   */
  version?: number;
}

export type EntryStatus = "PRE_QUEUE" | "WAITING" | "ACTIVE" | "EXPIRED";

export interface QueueCounters {
  /** Everyone with number <= serving has been let in. */
  serving: number;
  /** The last number handed out. */
  lastNumber: number;
  /** Smoothed admissions per second; it holds still while the line is paused. */
  admitRate: number;
  /** The organizer stopped admissions: everyone keeps their place. */
  paused: boolean;
}

export interface QueueCensus {
  /** In the pre-queue, not yet placed by the draw. */
  preQueue: number;
  /** Places not yet let in, not counting those who left. */
  waiting: number;
  /** Let in, their slot reserved until their first poll. */
  admitted: number;
  /** Shopping. */
  active: number;
}

export interface QueueEntry {
  /** Null in the pre-queue: the draw gives it. */
  number: number | null;
  status: EntryStatus;
  /** When an ACTIVE entry's shopping time ends. */
  activeUntil: Date | null;
  /** The opaque id the place was drawn by, for a pre-queue entry; null for arrivals after the draw. */
  entryId: string | null;
}

export interface QueuePoll extends QueueCounters {
  /** Null when the user holds no place under the number asked about (never entered, left, or re-entered since). */
  entry: QueueEntry | null;
}

export interface EnteredPoll extends QueuePoll {
  entry: QueueEntry;
  /** False when the user already had a live place. */
  created: boolean;
}

/** The pre-queue as it closed: its entries take the numbers from firstNumber on, in drawn order. */
export interface ClosedPreQueue {
  firstNumber: number;
  entryIds: string[];
}

export interface AdmitResult {
  admitted: number;
  serving: number;
}

export interface QueueStore {
  /**
   * Gives the user the next number, or finds their live place (pre-queue, waiting,
   * admitted or active), records the settings in force, then answers as `poll` does.
   * With a pre-queue entry id, while the pre-queue is open, the user joins it instead
   * (no number until the draw); once it has closed, they join in arrival order.
   */
  enter(concertId: string, userId: string, settings: QueueSettings, now: Date, preQueueEntryId?: string): Promise<EnteredPoll>;

  /**
   * The user's entry with this number and the concert's counters, after a rate-limited
   * admission step. An admitted entry becomes ACTIVE here, for the concert's active TTL.
   * Number 0 asks about the place the pre-queue gave: PRE_QUEUE until the draw placed it.
   * Asking keeps a waiting place from being abandoned and takes back one that was.
   */
  poll(concertId: string, userId: string, number: number, now: Date): Promise<QueuePoll>;

  /**
   * Closes the pre-queue (later entrants join in arrival order), reserves a number for
   * each of its entries above every number handed out, and holds admissions until they
   * are placed. Idempotent: a retried draw gets the same list.
   */
  closePreQueue(concertId: string, settings: QueueSettings): Promise<ClosedPreQueue>;

  /**
   * Numbers the closed pre-queue's entries in the order given (from its firstNumber on),
   * skipping those who left, then lets admissions run. Idempotent.
   */
  placeDrawn(concertId: string, drawnEntryIds: readonly string[], now: Date): Promise<void>;

  /**
   * One admission step: admits up to min(admitPerTick, activeLimit − slots in use).
   * Unforced steps run at most once per ADMIT_INTERVAL_MS per concert. Settings, when
   * given, replace the recorded ones first. Null when skipped or the concert has no line.
   */
  admit(concertId: string, now: Date, options: { force: boolean; settings?: QueueSettings }): Promise<AdmitResult | null>;

  /** Ends the user's place with this number (0: their pre-queue place; leaving, or after paying). False when it was not theirs. */
  release(concertId: string, userId: string, number: number): Promise<boolean>;

  /**
   * Gives back, until `until`, an ACTIVE place lost with the store's state (Redis
   * restarted without persistence): only for a number handed out before the loss that
   * nobody holds now. False otherwise, and always for a store that cannot lose state.
   */
  resume(concertId: string, userId: string, number: number, until: Date, now: Date): Promise<boolean>;

  /** When the shopping time of the user's entry with this number ends, while it is ACTIVE; else null. */
  activeUntil(concertId: string, userId: string, number: number, now: Date): Promise<Date | null>;

  counters(concertId: string): Promise<QueueCounters>;

  /** Who is in the line right now: waiting, admitted (a slot reserved) and shopping. */
  census(concertId: string, now: Date): Promise<QueueCensus>;
}

/** Unforced admission steps (from polls) run at most this often per concert. */
export const ADMIT_INTERVAL_MS = 1_000;

/** An admitted person keeps their reserved slot this long before their first poll. */
export const ADMIT_GRACE_SECONDS = 120;
