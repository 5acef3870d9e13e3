// Everything the fans saw, time-stamped, so each fault's window can be judged afterwards.

/** What a request was for; recovery is measured per kind. */
export type Kind = "signup" | "charge" | "enter" | "status" | "seats" | "hold" | "my-holds" | "payment";

export interface Sample {
  kind: Kind;
  /** ms (performance.now()) when the request was sent and when its answer (or failure) came. */
  sent: number;
  done: number;
  /** HTTP status; 0 when there was no answer (refused, reset, timed out). */
  status: number;
  /** The problem+json `code`, or the network error's name. */
  code: string;
  retryAfter: string | null;
}

/** One logical charge, payment or hold, across all its attempts. */
export interface Operation {
  kind: "charge" | "payment" | "hold";
  key: string;
  started: number;
  ended: number;
  attempts: number;
  /** answered: a final answer; stuck: 30 s of retries ran out although the service was back. */
  outcome: "answered" | "stuck" | "gave-up-while-down";
  final: string;
}

export class Recorder {
  readonly samples: Sample[] = [];
  readonly operations: Operation[] = [];
  /** Notes for the report: things a fan could not do that are failures of the system. */
  readonly problems: { at: number; text: string }[] = [];
  inFlight = new Map<Kind, number>();
  /** Charges, payments and holds still being tried (their first attempt's time). */
  readonly openOperations = new Set<{ started: number }>();
  /** When the dependency of the current fault went down and came back (null while down). */
  private outages: { down: number; back: number | null }[] = [];

  markDown(at = performance.now()) {
    this.outages.push({ down: at, back: null });
  }

  markBack(at = performance.now()) {
    const open = this.outages.at(-1);
    if (open && open.back === null) open.back = at;
  }

  /** The latest outage: when its dependency went away and came back. */
  lastOutage(): { down: number; back: number | null } | undefined {
    return this.outages.at(-1);
  }

  /** Was a dependency up for at least `ms` before `at`? */
  upFor(at: number, ms: number): boolean {
    for (const o of this.outages) {
      if (o.down > at) continue;
      if (o.back === null || at - o.back < ms) return false;
    }
    return true;
  }

  private waiters: { kind: Kind; resolve: () => void }[] = [];

  begin(kind: Kind) {
    this.inFlight.set(kind, (this.inFlight.get(kind) ?? 0) + 1);
    for (const w of this.waiters.filter((w) => w.kind === kind)) w.resolve();
    this.waiters = this.waiters.filter((w) => w.kind !== kind);
  }

  /** Resolves when the next request of this kind is sent, or false after `timeoutMs`. */
  nextRequest(kind: Kind, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push({ kind, resolve: () => (clearTimeout(timer), resolve(true)) });
    });
  }

  end(sample: Sample) {
    this.inFlight.set(sample.kind, (this.inFlight.get(sample.kind) ?? 1) - 1);
    this.samples.push(sample);
  }
}
