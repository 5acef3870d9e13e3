/**
 * A small in-process cache: entries live until their own deadline, and past `maxEntries`
 * the oldest go first, so memory stays bounded whatever callers send. Every instance keeps
 * its own: what is cached here must be safe to be stale for the entry's lifetime on the
 * other instances (the instance that makes a change drops its own copy at once).
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();
  private readonly loading = new Map<K, Promise<V>>();

  constructor(private readonly maxEntries: number) {}

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V, until: number): void {
    this.entries.delete(key); // re-inserted as the newest
    this.entries.set(key, { value, until });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
  }

  /**
   * The cached value, else `load`'s, kept until the deadline `load` gives with it. Callers
   * that ask while it loads share the one load: a hot key costs one query per lifetime,
   * not one per request.
   */
  async getOrLoad(key: K, load: () => Promise<{ value: V; until: number }>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = load().then(
        ({ value, until }) => {
          // A change dropped the key while it loaded: the value may predate it, so only share it.
          if (this.loading.get(key) === pending) {
            this.set(key, value, until);
            this.loading.delete(key);
          }
          return value;
        },
        (error: unknown) => {
          if (this.loading.get(key) === pending) this.loading.delete(key);
          throw error;
        },
      );
      this.loading.set(key, pending);
    }
    return pending;
  }

  delete(key: K): void {
    this.entries.delete(key);
    this.loading.delete(key);
  }

  /** Drops every entry the predicate picks (e.g. all of one user's). */
  deleteWhere(pick: (key: K, value: V) => boolean): void {
    for (const [key, entry] of this.entries) if (pick(key, entry.value)) this.entries.delete(key);
    this.loading.clear(); // an unfinished load may predate the change
  }

  clear(): void {
    this.entries.clear();
    this.loading.clear();
  }
}

// Next bundles each route on its own, so a module can be loaded once per route: state (a
// cache) kept in a module variable would be one per route, and a change made through one route
// (a hold) would not reach the copy another route reads (the seat map). Keyed by name here,
// every copy of the module finds the same cache.
const registry = ((globalThis as { [key: symbol]: Map<string, unknown> })[Symbol.for("stagepass.caches")] ??= new Map());

/** The process's one value of this name, made by `create` on first use. */
export function processShared<T>(name: string, create: () => T): T {
  if (!registry.has(name)) registry.set(name, create());
  return registry.get(name) as T;
}

/** The process's one cache of this name (created with `maxEntries` on first use). */
export function processCache<K, V>(name: string, maxEntries: number): TtlCache<K, V> {
  return processShared(name, () => new TtlCache<K, V>(maxEntries));
}
