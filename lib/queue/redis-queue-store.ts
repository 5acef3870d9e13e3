import type { Redis } from "@upstash/redis";
import type { Db } from "../db";
import {
  ADMIT_GRACE_SECONDS,
  ADMIT_INTERVAL_MS,
  type ClosedPreQueue,
  type EnteredPoll,
  type EntryStatus,
  type QueueCensus,
  type QueueCounters,
  type QueuePoll,
  type QueueSettings,
  type QueueStore,
} from "./queue-store";
import { getQueueSettingsOrThrow } from "./settings";

// Every method is one Lua script (or one read), so each change is atomic in Redis.
// Keys share the {concertId} hash tag, so a concert's keys live on one cluster slot:
//   queue:{c}:meta       hash: last, serving, limit, perTick, ttl, admitAt (ms), rate,
//                        ceiling, base, recoverUntil (ms) (see "Losing Redis" below)
//   queue:{c}:users      hash: userId -> number (live or expired places; 0 after leaving)
//   queue:{c}:left       set of numbers above `serving` whose owner left (skipped, not admitted)
//   queue:{c}:admitted   zset: number -> deadline (ms) of the slot reserved at admission
//   queue:{c}:active     zset: number -> end (ms) of the shopping time
//   queue:{c}:recovered  zset: numbers waiting again ahead of the line: from before a loss
//                        of Redis's state, or abandoned and taken back by their holder
//   queue:{c}:abandoned  set of numbers skipped at admission because nobody asked about them
//   queue:{c}:seen       zset: number -> when its holder last asked (ms), for abandonment
//   queue:{c}:pre        hash: userId -> entryId, the open pre-queue
//   queue:{c}:preIds     hash: entryId -> userId, the open pre-queue
//   queue:{c}:drawUsers  hash: userId -> entryId, the pre-queue as it closed, less those who left since
//   queue:{c}:drawIds    hash: entryId -> userId, the pre-queue as it closed
// meta also holds: abandon (s), closed, drawFirst, drawCount, drawPending (see "The draw").
//
// Losing Redis (a restart without persistence) must not reorder the line. Numbers are
// handed out only below a `ceiling` reserved first in PostgreSQL (queue_counters.last_number,
// a block at a time), so PostgreSQL always knows a number above every one in circulation.
// A line found without state starts again above that watermark (`base`): a newcomer can
// never get a number of someone already waiting. A signed token with a number <= base comes
// from before the loss: its first poll puts its holder back in line (`recovered`), and
// recovered places are admitted first, in their old order. For a short recovery window
// nobody is admitted, so every waiting client has polled once before newcomers move.
// Shoppers who hold seats get their shopping time back through `resume`.
//
// The draw: closing renames the pre-queue's hashes (O(1)), so the list a draw reads, and a
// retried draw reads again, never changes. Its numbers are reserved at once, above every
// number handed out, and nobody is admitted (drawPending) until they are placed. A
// pre-queue lost with Redis's state is not recovered: its holders join again.

const KEY_TTL_SECONDS = 7 * 24 * 60 * 60;
/** Numbers reserved in PostgreSQL at a time: one write per this many entries. */
const NUMBER_BLOCK = 1_000;
/** Longer than the slowest poll tempo (queue-view.ts), so every waiting client comes back first. */
const RECOVERY_WINDOW_MS = 30_000;
/** Drawn entries numbered per script call: each call holds Redis for a few milliseconds. */
const PLACE_CHUNK = 5_000;

const KEY_NAMES = ["meta", "users", "left", "admitted", "active", "recovered", "abandoned", "seen", "pre", "preIds", "drawUsers", "drawIds"];

function keys(concertId: string): string[] {
  return KEY_NAMES.map((name) => `queue:{${concertId}}:${name}`);
}
const DRAW_IDS_KEY = KEY_NAMES.indexOf("drawIds");

const PRELUDE = `local META, USERS, LEFT, ADMITTED, ACTIVE, RECOVERED = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local ABANDONED, SEEN, PRE, PRE_IDS, DRAW_USERS, DRAW_IDS = KEYS[7], KEYS[8], KEYS[9], KEYS[10], KEYS[11], KEYS[12]
-- Settings are recorded unless newer ones already are; settings without a version always are.
local function recordSettings(limit, perTick, ttl, version, abandon)
  local incoming = tonumber(version)
  if incoming and incoming < tonumber(redis.call('HGET', META, 'version') or '-1') then return end
  redis.call('HSET', META, 'limit', limit, 'perTick', perTick, 'ttl', ttl, 'abandon', abandon or '')
  if incoming then redis.call('HSET', META, 'version', incoming) end
end
local function touch()
  for _, key in ipairs(KEYS) do redis.call('EXPIRE', key, ${KEY_TTL_SECONDS}) end
end
-- A user's pre-queue place: 'PRE' and its entry id while it waits for the draw, the number
-- and entry id the draw placed it at, or nil.
local function preQueuePlace(user)
  local entry = redis.call('HGET', PRE, user)
  if entry then return 'PRE', entry end
  entry = redis.call('HGET', DRAW_USERS, user)
  if not entry then return nil end
  local m = redis.call('HMGET', META, 'drawFirst', 'drawCount', 'drawPending')
  local n = tonumber(redis.call('HGET', USERS, user) or '0')
  local first = tonumber(m[1] or '0')
  if n >= first and n < first + tonumber(m[2] or '0') then return tostring(n), entry end
  if m[3] == '1' then return 'PRE', entry end
  return nil
end`;

/** A script's answer when the line has no numbers reserved yet (new, or its state was lost). */
const NEEDS_NUMBERS = "NEEDS_NUMBERS";

// Shared by the admit and poll scripts (a script cannot call another).
const ADMIT_STEP = `${PRELUDE}
local function admit(now, force, interval, grace)
  local m = redis.call('HMGET', META, 'last', 'serving', 'limit', 'perTick', 'admitAt', 'rate', 'recoverUntil', 'abandon', 'drawPending')
  local limit = tonumber(m[3])
  if not limit or now < tonumber(m[7] or '0') or m[9] == '1' then return nil end
  local abandonBefore = tonumber(m[8] or '') and now - tonumber(m[8]) * 1000
  local last, serving = tonumber(m[1] or '0'), tonumber(m[2] or '0')
  local perTick, admitAt, rate = tonumber(m[4]), tonumber(m[5] or '0'), tonumber(m[6] or '0')
  -- A step time far from this caller's clock (a skewed instance) must not hold the line up.
  if not force and admitAt > 0 and math.abs(now - admitAt) < interval then return nil end
  redis.call('ZREMRANGEBYSCORE', ADMITTED, '-inf', now)
  redis.call('ZREMRANGEBYSCORE', ACTIVE, '-inf', now)
  local room = math.min(perTick, limit - redis.call('ZCARD', ADMITTED) - redis.call('ZCARD', ACTIVE))
  local count = 0
  while count < room do
    local recovered = redis.call('ZRANGE', RECOVERED, 0, 0)
    if #recovered == 0 then break end
    redis.call('ZREM', RECOVERED, recovered[1])
    redis.call('ZADD', ADMITTED, now + grace * 1000, recovered[1])
    count = count + 1
  end
  while count < room and serving < last do
    serving = serving + 1
    if redis.call('SREM', LEFT, serving) == 0 then
      local seen = tonumber(redis.call('ZSCORE', SEEN, serving) or '')
      if abandonBefore and seen and seen < abandonBefore then
        redis.call('SADD', ABANDONED, serving)
      else
        redis.call('ZADD', ADMITTED, now + grace * 1000, serving)
        count = count + 1
      end
    end
    redis.call('ZREM', SEEN, serving)
  end
  -- The rate holds still while paused, so the waiting keep their estimate.
  if admitAt > 0 and now > admitAt and perTick > 0 then
    local elapsed = math.max(now - admitAt, 1) / 1000
    rate = rate + (1 - math.exp(-elapsed / 30)) * (count / elapsed - rate)
  end
  redis.call('HSET', META, 'serving', serving, 'admitAt', now, 'rate', tostring(math.max(rate, 0)))
  touch()
  return {count, serving}
end
`;

const ADMIT = `${ADMIT_STEP}
if ARGV[5] and redis.call('EXISTS', META) == 1 then recordSettings(ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9]) end
return admit(tonumber(ARGV[1]), ARGV[2] == '1', tonumber(ARGV[3]), tonumber(ARGV[4]))
`;

// The user's entry with this number after a lazy admission step, activating it if it was
// admitted (a stale number never starts anyone's shopping time). Number 0: the place the
// pre-queue gave. Asking keeps a waiting place from being abandoned, and takes one back.
// Returns {number, status, activeUntil, serving, last, rate, entryId, paused}.
const POLL_STEP = `${ADMIT_STEP}
local function poll(user, number, now, interval, grace)
  admit(now, false, interval, grace)
  local m = redis.call('HMGET', META, 'serving', 'last', 'rate', 'ttl', 'base', 'perTick')
  local serving = tonumber(m[1] or '0')
  local result = {0, 'NONE', 0, serving, tonumber(m[2] or '0'), m[3] or '0', '', m[6] == '0' and 1 or 0}
  local drawn, entry = preQueuePlace(user)
  if number == '0' then
    if drawn == 'PRE' then result[2] = 'PRE_QUEUE'; result[7] = entry; return result end
    if not drawn then return result end
    number = drawn
  end
  local n = redis.call('HGET', USERS, user)
  -- A place from before a loss of state, shown by its signed token: back in line.
  if not n and tonumber(number) <= tonumber(m[5] or '0') then
    n = number
    redis.call('HSET', USERS, user, n)
    redis.call('ZADD', RECOVERED, n, n)
  end
  if not n or n ~= number then return result end
  result[1] = tonumber(n)
  if drawn == n then result[7] = entry end
  if redis.call('SREM', ABANDONED, n) == 1 then redis.call('ZADD', RECOVERED, n, n) end
  if result[1] > serving or redis.call('ZSCORE', RECOVERED, n) then
    redis.call('ZADD', SEEN, now, n)
    result[2] = 'WAITING'
    return result
  end
  local activeUntil = tonumber(redis.call('ZSCORE', ACTIVE, n) or '0')
  if activeUntil <= now and tonumber(redis.call('ZSCORE', ADMITTED, n) or '0') > now then
    activeUntil = now + tonumber(m[4]) * 1000
    redis.call('ZREM', ADMITTED, n)
    redis.call('ZADD', ACTIVE, activeUntil, n)
    redis.call('EXPIRE', ACTIVE, ${KEY_TTL_SECONDS})
  end
  if activeUntil > now then result[2] = 'ACTIVE'; result[3] = activeUntil else result[2] = 'EXPIRED' end
  return result
end
`;

// Lines without reserved numbers answer NEEDS_NUMBERS first (see "Losing Redis").
const NEEDS_NUMBERS_CHECK = `if redis.call('HEXISTS', KEYS[1], 'ceiling') == 0 then
  return {tonumber(redis.call('HGET', KEYS[1], 'last') or '0'), '${NEEDS_NUMBERS}'}
end`;

const POLL = `${POLL_STEP}
${NEEDS_NUMBERS_CHECK}
return poll(ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
`;

// Takes the next number unless the user has a live place, then polls; appends `created`.
// With a pre-queue entry id (ARGV[10]) while the pre-queue is open, joins it instead.
const ENTER = `${POLL_STEP}
${NEEDS_NUMBERS_CHECK}
local user, now, preEntry = ARGV[1], tonumber(ARGV[2]), ARGV[10]
recordSettings(ARGV[3], ARGV[4], ARGV[5], ARGV[8], ARGV[9])
local created = 1
local asked = nil
if preQueuePlace(user) == 'PRE' then
  created, asked = 0, '0'
else
  asked = redis.call('HGET', USERS, user)
  if asked then
    local serving = tonumber(redis.call('HGET', META, 'serving') or '0')
    local admitted = tonumber(redis.call('ZSCORE', ADMITTED, asked) or '0')
    local active = tonumber(redis.call('ZSCORE', ACTIVE, asked) or '0')
    -- A place skipped as abandoned is still theirs: entering again takes it back.
    if tonumber(asked) > serving or admitted > now or active > now or redis.call('ZSCORE', RECOVERED, asked)
      or redis.call('SISMEMBER', ABANDONED, asked) == 1 then created = 0 end
  end
end
if created == 1 then
  if preEntry ~= '' and redis.call('HGET', META, 'closed') ~= '1' then
    redis.call('HSET', PRE, user, preEntry)
    redis.call('HSET', PRE_IDS, preEntry, user)
    asked = '0'
  else
    local m = redis.call('HMGET', META, 'last', 'ceiling')
    if tonumber(m[1] or '0') >= tonumber(m[2]) then return {tonumber(m[1]), '${NEEDS_NUMBERS}'} end
    asked = tostring(redis.call('HINCRBY', META, 'last', 1))
    redis.call('HSET', USERS, user, asked)
    redis.call('ZADD', SEEN, now, asked)
  end
  touch()
end
local result = poll(user, asked, now, tonumber(ARGV[6]), tonumber(ARGV[7]))
table.insert(result, created)
return result
`;

const RELEASE = `${PRELUDE}
local user, n = ARGV[1], ARGV[2]
local drawn, entry = preQueuePlace(user)
if n == '0' then
  if drawn == 'PRE' then
    -- Out of the draw: an open pre-queue forgets the entry, a closed one skips its number.
    if redis.call('HDEL', PRE, user) == 1 then redis.call('HDEL', PRE_IDS, entry) else redis.call('HDEL', DRAW_USERS, user) end
    return 1
  end
  if not drawn then return 0 end
  n = drawn
end
if drawn == n then redis.call('HDEL', DRAW_USERS, user) end
if redis.call('HGET', USERS, user) ~= n then return 0 end
-- Marked placeless, not deleted: a token from before a loss of state must not bring its holder back.
redis.call('HSET', USERS, user, '0')
redis.call('ZREM', ADMITTED, n)
redis.call('ZREM', ACTIVE, n)
redis.call('ZREM', RECOVERED, n)
redis.call('SREM', ABANDONED, n)
if tonumber(n) > tonumber(redis.call('HGET', META, 'serving') or '0') then redis.call('SADD', LEFT, n) end
return 1
`;

// Closes the pre-queue (see "The draw"): {firstNumber, 'CLOSED'}, or NEEDS_NUMBERS with the
// number the reservation must reach.
const CLOSE_PRE_QUEUE = `${PRELUDE}
${NEEDS_NUMBERS_CHECK}
if redis.call('HGET', META, 'closed') ~= '1' then
  local count = redis.call('HLEN', PRE)
  local m = redis.call('HMGET', META, 'last', 'ceiling')
  local last = tonumber(m[1] or '0')
  if last + count > tonumber(m[2]) then return {last + count, '${NEEDS_NUMBERS}'} end
  if count > 0 then
    redis.call('RENAME', PRE, DRAW_USERS)
    redis.call('RENAME', PRE_IDS, DRAW_IDS)
  end
  redis.call('HSET', META, 'closed', 1, 'drawFirst', last + 1, 'drawCount', count, 'drawPending', count > 0 and 1 or 0, 'last', last + count)
  touch()
end
return {tonumber(redis.call('HGET', META, 'drawFirst')), 'CLOSED'}
`;

// Numbers a chunk of the drawn list from ARGV[2] on (ARGV[3..]: entry ids in drawn order);
// an entry whose holder left since the close becomes a skipped number. ARGV[1]: now.
// Nothing once the draw is open: a late or repeated placing must not move live places.
const PLACE_DRAWN = `${PRELUDE}
if redis.call('HGET', META, 'drawPending') ~= '1' then return 0 end
local now, n = tonumber(ARGV[1]), tonumber(ARGV[2])
for i = 3, #ARGV do
  local user = redis.call('HGET', DRAW_IDS, ARGV[i])
  if user and redis.call('HEXISTS', DRAW_USERS, user) == 1 then
    redis.call('HSET', USERS, user, n)
    redis.call('ZADD', SEEN, now, n)
  else
    redis.call('SADD', LEFT, n)
  end
  n = n + 1
end
touch()
return 1
`;

const OPEN_DRAWN = `return redis.call('HSET', KEYS[1], 'drawPending', 0)`;

// Takes a block of numbers reserved in PostgreSQL up to ARGV[1] (ARGV[2] of them). A line
// without state starts above the previous watermark, closed for the recovery window when
// numbers may be in circulation.
const ADD_NUMBERS = `${PRELUDE}
local ceiling, block, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
if redis.call('EXISTS', META) == 0 then
  local base = ceiling - block
  redis.call('HSET', META, 'last', base, 'serving', base, 'base', base)
  recordSettings(ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9])
  if base > 0 then redis.call('HSET', META, 'recoverUntil', now + tonumber(ARGV[4])) end
end
if ceiling > tonumber(redis.call('HGET', META, 'ceiling') or '0') then redis.call('HSET', META, 'ceiling', ceiling) end
touch()
return 1
`;

// Gives back an ACTIVE place lost with Redis's state: only a number from before the loss
// that nobody holds now. -1 when the line has no state yet.
const RESUME = `${PRELUDE}
if redis.call('EXISTS', META) == 0 then return -1 end
local base = tonumber(redis.call('HGET', META, 'base') or '0')
local n = redis.call('HGET', USERS, ARGV[1])
if tonumber(ARGV[2]) > base or (n and n ~= ARGV[2]) then return 0 end
redis.call('HSET', USERS, ARGV[1], ARGV[2])
redis.call('ZREM', RECOVERED, ARGV[2])
redis.call('ZADD', ACTIVE, 'GT', ARGV[3], ARGV[2])
touch()
return 1
`;

const COUNTERS = `return redis.call('HMGET', KEYS[1], 'serving', 'last', 'rate', 'perTick')`;

// Waiting: the numbers not yet reached, less those whose owner left, plus places recovered
// after a loss of state; admitted and active: slots whose deadline is still ahead.
// While the draw's numbers are being placed, its entries count as pre-queue.
const CENSUS = `${PRELUDE}
local m = redis.call('HMGET', META, 'last', 'serving', 'drawPending', 'drawCount')
local placing = m[3] == '1' and tonumber(m[4]) or 0
local waiting = tonumber(m[1] or '0') - tonumber(m[2] or '0') - redis.call('SCARD', LEFT) + redis.call('ZCARD', RECOVERED) - placing
local after = '(' .. ARGV[1]
return {redis.call('HLEN', PRE) + placing, math.max(waiting, 0), redis.call('ZCOUNT', ADMITTED, after, '+inf'), redis.call('ZCOUNT', ACTIVE, after, '+inf')}
`;

// The entry's ACTIVE-until time in ms, or 0 when it is not this user's ACTIVE entry.
const ACTIVE_UNTIL = `
local n = redis.call('HGET', KEYS[2], ARGV[1])
if n ~= ARGV[2] then return 0 end
local ends = tonumber(redis.call('ZSCORE', KEYS[5], n) or '0')
if ends > tonumber(ARGV[3]) then return ends end
return 0
`;

export class RedisQueueStore implements QueueStore {
  private readonly scripts;
  /** Reservations in flight, so concurrent requests of this instance share one. */
  private readonly reserving = new Map<string, Promise<void>>();

  constructor(
    private readonly redis: Redis,
    private readonly db: Db,
  ) {
    this.scripts = {
      enter: redis.createScript<[...PollReply, number]>(ENTER),
      addNumbers: redis.createScript<number>(ADD_NUMBERS),
      resume: redis.createScript<number>(RESUME),
      admit: redis.createScript<[number, number] | null>(ADMIT),
      poll: redis.createScript<PollReply>(POLL),
      release: redis.createScript<number>(RELEASE),
      activeUntil: redis.createScript<number>(ACTIVE_UNTIL),
      counters: redis.createScript<(string | null)[]>(COUNTERS),
      census: redis.createScript<[number, number, number, number]>(CENSUS),
      closePreQueue: redis.createScript<[number, string]>(CLOSE_PRE_QUEUE),
      placeDrawn: redis.createScript<number>(PLACE_DRAWN),
      openDrawn: redis.createScript<number>(OPEN_DRAWN),
    };
  }

  async enter(concertId: string, userId: string, settings: QueueSettings, now: Date, preQueueEntryId?: string): Promise<EnteredPoll> {
    const reply = await this.withNumbers(concertId, now, () => this.scripts.enter.exec(keys(concertId), [
      userId,
      String(now.getTime()),
      String(settings.activeLimit),
      String(settings.admitPerTick),
      String(settings.activeTtlSeconds),
      String(ADMIT_INTERVAL_MS),
      String(ADMIT_GRACE_SECONDS),
      String(settings.version ?? ""),
      String(settings.abandonAfterSeconds ?? ""),
      preQueueEntryId ?? "",
    ]));
    const polled = toPoll(reply.slice(0, 8) as PollReply);
    return { ...polled, entry: polled.entry!, created: Number(reply[8]) === 1 };
  }

  async poll(concertId: string, userId: string, number: number, now: Date): Promise<QueuePoll> {
    const args = [userId, String(number), String(now.getTime()), String(ADMIT_INTERVAL_MS), String(ADMIT_GRACE_SECONDS)];
    return toPoll(await this.withNumbers(concertId, now, () => this.scripts.poll.exec(keys(concertId), args)));
  }

  async admit(concertId: string, now: Date, { force, settings }: { force: boolean; settings?: QueueSettings }) {
    const result = await this.scripts.admit.exec(keys(concertId), [
      String(now.getTime()),
      force ? "1" : "0",
      String(ADMIT_INTERVAL_MS),
      String(ADMIT_GRACE_SECONDS),
      ...(settings ? settingsArgs(settings) : []),
    ]);
    return result ? { admitted: Number(result[0]), serving: Number(result[1]) } : null;
  }

  async closePreQueue(concertId: string, settings: QueueSettings): Promise<ClosedPreQueue> {
    const [firstNumber] = await this.withNumbers(concertId, new Date(), () => this.scripts.closePreQueue.exec(keys(concertId), []), settings);
    // The closed list never changes (see "The draw"), so reading it in pages is safe; a
    // scan may return a field twice, so it is read into a set and counted.
    const entryIds = new Set<string>();
    let cursor = "0";
    do {
      const [next, fields] = await this.redis.hscan(keys(concertId)[DRAW_IDS_KEY]!, cursor, { count: 10_000 });
      for (let i = 0; i < fields.length; i += 2) entryIds.add(String(fields[i]));
      cursor = String(next);
    } while (cursor !== "0");
    const expected = Number(await this.redis.hget(keys(concertId)[0]!, "drawCount"));
    if (entryIds.size !== expected) throw new Error(`The closed pre-queue of ${concertId} lists ${entryIds.size} entries, not ${expected}.`);
    return { firstNumber: Number(firstNumber), entryIds: [...entryIds] };
  }

  async placeDrawn(concertId: string, drawnEntryIds: readonly string[], now: Date): Promise<void> {
    const [meta] = keys(concertId);
    const firstNumber = Number(await this.redis.hget(meta!, "drawFirst"));
    // In chunks, so polls and entries run between them; admissions wait for the last.
    for (let start = 0; start < drawnEntryIds.length; start += PLACE_CHUNK) {
      const chunk = drawnEntryIds.slice(start, start + PLACE_CHUNK);
      await this.scripts.placeDrawn.exec(keys(concertId), [String(now.getTime()), String(firstNumber + start), ...chunk]);
    }
    await this.scripts.openDrawn.exec([meta!], []);
  }

  async release(concertId: string, userId: string, number: number) {
    return Number(await this.scripts.release.exec(keys(concertId), [userId, String(number)])) === 1;
  }

  async activeUntil(concertId: string, userId: string, number: number, now: Date) {
    const ends = Number(await this.scripts.activeUntil.exec(keys(concertId), [userId, String(number), String(now.getTime())]));
    return ends > 0 ? new Date(ends) : null;
  }

  async resume(concertId: string, userId: string, number: number, until: Date, now: Date) {
    const run = () => this.scripts.resume.exec(keys(concertId), [userId, String(number), String(until.getTime())]);
    let resumed = Number(await run());
    if (resumed === -1) {
      await this.reserveNumbers(concertId, 0, now);
      resumed = Number(await run());
    }
    return resumed === 1;
  }

  async counters(concertId: string): Promise<QueueCounters> {
    const [serving, last, rate, perTick] = await this.scripts.counters.exec(keys(concertId), []);
    return { serving: Number(serving ?? 0), lastNumber: Number(last ?? 0), admitRate: Number(rate ?? 0), paused: perTick === "0" };
  }

  async census(concertId: string, now: Date): Promise<QueueCensus> {
    const [preQueue, waiting, admitted, active] = await this.scripts.census.exec(keys(concertId), [String(now.getTime())]);
    return { preQueue: Number(preQueue), waiting: Number(waiting), admitted: Number(admitted), active: Number(active) };
  }

  /** Runs a script, first reserving numbers when it says the line has none left. */
  private async withNumbers<T extends unknown[]>(concertId: string, now: Date, run: () => Promise<T>, settings?: QueueSettings): Promise<T> {
    for (;;) {
      const reply = await run();
      if (reply[1] !== NEEDS_NUMBERS) return reply;
      await this.reserveNumbers(concertId, Number(reply[0]), now, settings);
    }
  }

  /**
   * Raises the line's watermark in PostgreSQL by a block (above `last`, the line's last
   * number in Redis), then lets Redis hand out numbers up to it.
   */
  private reserveNumbers(concertId: string, last: number, now: Date, given?: QueueSettings): Promise<void> {
    let pending = this.reserving.get(concertId);
    if (!pending) {
      pending = (async () => {
        const settings = given ?? (await getQueueSettingsOrThrow(concertId));
        const [row] = await this.db.$queryRaw<{ last_number: number }[]>`
          INSERT INTO queue_counters (concert_id, last_number, active_limit, admit_per_tick, active_ttl_seconds)
          VALUES (${concertId}::uuid, ${last + NUMBER_BLOCK}::int, ${settings.activeLimit}::int, ${settings.admitPerTick}::int,
                  ${settings.activeTtlSeconds}::int)
          ON CONFLICT (concert_id) DO UPDATE SET last_number = GREATEST(queue_counters.last_number, ${last}::int) + ${NUMBER_BLOCK}::int
          RETURNING last_number`;
        await this.scripts.addNumbers.exec(keys(concertId), [
          String(row!.last_number),
          String(NUMBER_BLOCK),
          String(now.getTime()),
          String(RECOVERY_WINDOW_MS),
          ...settingsArgs(settings),
        ]);
      })().finally(() => this.reserving.delete(concertId));
      this.reserving.set(concertId, pending);
    }
    return pending;
  }
}

const settingsArgs = (settings: QueueSettings) =>
  [settings.activeLimit, settings.admitPerTick, settings.activeTtlSeconds, settings.version ?? "", settings.abandonAfterSeconds ?? ""].map(String);

type PollReply = [number, string, number, number, number, string, string, number];

function toPoll([number, status, activeUntil, serving, lastNumber, rate, entryId, paused]: PollReply): QueuePoll {
  return {
    serving: Number(serving),
    lastNumber: Number(lastNumber),
    admitRate: Number(rate),
    paused: Number(paused) === 1,
    entry:
      status === "NONE"
        ? null
        : {
            number: status === "PRE_QUEUE" ? null : Number(number),
            status: status as EntryStatus,
            activeUntil: status === "ACTIVE" ? new Date(Number(activeUntil)) : null,
            entryId: entryId ? String(entryId) : null,
          },
  };
}
