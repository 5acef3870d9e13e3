import type { Redis } from "@upstash/redis";
import {
  ADMIT_GRACE_SECONDS,
  ADMIT_INTERVAL_MS,
  type EnteredPoll,
  type QueueCounters,
  type QueuePoll,
  type QueueSettings,
  type QueueStore,
} from "./queue-store";

// Every method is one Lua script (or one read), so each change is atomic in Redis.
// Keys share the {concertId} hash tag, so a concert's keys live on one cluster slot:
//   queue:{c}:meta      hash: last, serving, limit, perTick, ttl, admitAt (ms), rate
//   queue:{c}:users     hash: userId -> number (live or expired places; leaving deletes)
//   queue:{c}:left      set of numbers above `serving` whose owner left (skipped, not admitted)
//   queue:{c}:admitted  zset: number -> deadline (ms) of the slot reserved at admission
//   queue:{c}:active    zset: number -> end (ms) of the shopping time

const KEY_TTL_SECONDS = 7 * 24 * 60 * 60;

function keys(concertId: string): string[] {
  const tag = `queue:{${concertId}}`;
  return [`${tag}:meta`, `${tag}:users`, `${tag}:left`, `${tag}:admitted`, `${tag}:active`];
}

const PRELUDE = `local META, USERS, LEFT, ADMITTED, ACTIVE = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]`;

// Shared by the admit and poll scripts (a script cannot call another).
const ADMIT_STEP = `${PRELUDE}
local function admit(now, force, interval, grace)
  local m = redis.call('HMGET', META, 'last', 'serving', 'limit', 'perTick', 'admitAt', 'rate')
  local limit = tonumber(m[3])
  if not limit then return nil end
  local last, serving = tonumber(m[1] or '0'), tonumber(m[2] or '0')
  local perTick, admitAt, rate = tonumber(m[4]), tonumber(m[5] or '0'), tonumber(m[6] or '0')
  -- A step time far from this caller's clock (a skewed instance) must not hold the line up.
  if not force and admitAt > 0 and math.abs(now - admitAt) < interval then return nil end
  redis.call('ZREMRANGEBYSCORE', ADMITTED, '-inf', now)
  redis.call('ZREMRANGEBYSCORE', ACTIVE, '-inf', now)
  local room = math.min(perTick, limit - redis.call('ZCARD', ADMITTED) - redis.call('ZCARD', ACTIVE))
  local count = 0
  while count < room and serving < last do
    serving = serving + 1
    if redis.call('SREM', LEFT, serving) == 0 then
      redis.call('ZADD', ADMITTED, now + grace * 1000, serving)
      count = count + 1
    end
  end
  if admitAt > 0 and now > admitAt then
    local elapsed = math.max(now - admitAt, 1) / 1000
    rate = rate + (1 - math.exp(-elapsed / 30)) * (count / elapsed - rate)
  end
  redis.call('HSET', META, 'serving', serving, 'admitAt', now, 'rate', tostring(math.max(rate, 0)))
  for _, key in ipairs(KEYS) do redis.call('EXPIRE', key, ${KEY_TTL_SECONDS}) end
  return {count, serving}
end
`;

const ADMIT = `${ADMIT_STEP}
if ARGV[5] and redis.call('EXISTS', META) == 1 then
  redis.call('HSET', META, 'limit', ARGV[5], 'perTick', ARGV[6], 'ttl', ARGV[7])
end
return admit(tonumber(ARGV[1]), ARGV[2] == '1', tonumber(ARGV[3]), tonumber(ARGV[4]))
`;

// The user's entry with this number after a lazy admission step, activating it if it was
// admitted (a stale number never starts anyone's shopping time).
// Returns {number, status, activeUntil, serving, last, rate}.
const POLL_STEP = `${ADMIT_STEP}
local function poll(user, number, now, interval, grace)
  admit(now, false, interval, grace)
  local m = redis.call('HMGET', META, 'serving', 'last', 'rate', 'ttl')
  local serving = tonumber(m[1] or '0')
  local result = {0, 'NONE', 0, serving, tonumber(m[2] or '0'), m[3] or '0'}
  local n = redis.call('HGET', USERS, user)
  if not n or n ~= number then return result end
  result[1] = tonumber(n)
  if result[1] > serving then result[2] = 'WAITING'; return result end
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

const POLL = `${POLL_STEP}
return poll(ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
`;

// Takes the next number unless the user has a live place, then polls; appends `created`.
const ENTER = `${POLL_STEP}
local user, now = ARGV[1], tonumber(ARGV[2])
redis.call('HSET', META, 'limit', ARGV[3], 'perTick', ARGV[4], 'ttl', ARGV[5])
local created = 1
local n = redis.call('HGET', USERS, user)
if n then
  local serving = tonumber(redis.call('HGET', META, 'serving') or '0')
  local admitted = tonumber(redis.call('ZSCORE', ADMITTED, n) or '0')
  local active = tonumber(redis.call('ZSCORE', ACTIVE, n) or '0')
  if tonumber(n) > serving or admitted > now or active > now then created = 0 end
end
if created == 1 then
  n = redis.call('HINCRBY', META, 'last', 1)
  redis.call('HSET', USERS, user, n)
  for _, key in ipairs(KEYS) do redis.call('EXPIRE', key, ${KEY_TTL_SECONDS}) end
end
local result = poll(user, tostring(n), now, tonumber(ARGV[6]), tonumber(ARGV[7]))
table.insert(result, created)
return result
`;

const RELEASE = `${PRELUDE}
local n = redis.call('HGET', USERS, ARGV[1])
if n ~= ARGV[2] then return 0 end
redis.call('HDEL', USERS, ARGV[1])
redis.call('ZREM', ADMITTED, n)
redis.call('ZREM', ACTIVE, n)
if tonumber(n) > tonumber(redis.call('HGET', META, 'serving') or '0') then redis.call('SADD', LEFT, n) end
return 1
`;

const COUNTERS = `return redis.call('HMGET', KEYS[1], 'serving', 'last', 'rate')`;

const IS_ACTIVE = `
local n = redis.call('HGET', KEYS[2], ARGV[1])
if n ~= ARGV[2] then return 0 end
if tonumber(redis.call('ZSCORE', KEYS[5], n) or '0') > tonumber(ARGV[3]) then return 1 end
return 0
`;

export class RedisQueueStore implements QueueStore {
  private readonly scripts;

  constructor(private readonly redis: Redis) {
    this.scripts = {
      enter: redis.createScript<[...PollReply, number]>(ENTER),
      admit: redis.createScript<[number, number] | null>(ADMIT),
      poll: redis.createScript<PollReply>(POLL),
      release: redis.createScript<number>(RELEASE),
      isActive: redis.createScript<number>(IS_ACTIVE),
      counters: redis.createScript<(string | null)[]>(COUNTERS),
    };
  }

  async enter(concertId: string, userId: string, settings: QueueSettings, now: Date): Promise<EnteredPoll> {
    const reply = await this.scripts.enter.exec(keys(concertId), [
      userId,
      String(now.getTime()),
      String(settings.activeLimit),
      String(settings.admitPerTick),
      String(settings.activeTtlSeconds),
      String(ADMIT_INTERVAL_MS),
      String(ADMIT_GRACE_SECONDS),
    ]);
    const polled = toPoll(reply.slice(0, 6) as PollReply);
    return { ...polled, entry: polled.entry!, created: Number(reply[6]) === 1 };
  }

  async poll(concertId: string, userId: string, number: number, now: Date): Promise<QueuePoll> {
    return toPoll(
      await this.scripts.poll.exec(keys(concertId), [
        userId,
        String(number),
        String(now.getTime()),
        String(ADMIT_INTERVAL_MS),
        String(ADMIT_GRACE_SECONDS),
      ]),
    );
  }

  async admit(concertId: string, now: Date, { force, settings }: { force: boolean; settings?: QueueSettings }) {
    const result = await this.scripts.admit.exec(keys(concertId), [
      String(now.getTime()),
      force ? "1" : "0",
      String(ADMIT_INTERVAL_MS),
      String(ADMIT_GRACE_SECONDS),
      ...(settings ? [settings.activeLimit, settings.admitPerTick, settings.activeTtlSeconds].map(String) : []),
    ]);
    return result ? { admitted: Number(result[0]), serving: Number(result[1]) } : null;
  }

  async release(concertId: string, userId: string, number: number) {
    return Number(await this.scripts.release.exec(keys(concertId), [userId, String(number)])) === 1;
  }

  async isActive(concertId: string, userId: string, number: number, now: Date) {
    return Number(await this.scripts.isActive.exec(keys(concertId), [userId, String(number), String(now.getTime())])) === 1;
  }

  async counters(concertId: string): Promise<QueueCounters> {
    const [serving, last, rate] = await this.scripts.counters.exec(keys(concertId), []);
    return { serving: Number(serving ?? 0), lastNumber: Number(last ?? 0), admitRate: Number(rate ?? 0) };
  }

  async activeCount(concertId: string, now: Date) {
    const [, , , admitted, active] = keys(concertId);
    const min = `(${now.getTime()}`;
    const [a, b] = await Promise.all([this.redis.zcount(admitted!, min, "+inf"), this.redis.zcount(active!, min, "+inf")]);
    return a + b;
  }
}

type PollReply = [number, string, number, number, number, string];

function toPoll([number, status, activeUntil, serving, lastNumber, rate]: PollReply): QueuePoll {
  return {
    serving: Number(serving),
    lastNumber: Number(lastNumber),
    admitRate: Number(rate),
    entry:
      status === "NONE"
        ? null
        : {
            number: Number(number),
            status: status as "WAITING" | "ACTIVE" | "EXPIRED",
            activeUntil: status === "ACTIVE" ? new Date(Number(activeUntil)) : null,
          },
  };
}
