import { pool } from "../db";
import { defaultQueueDeps } from "../queue/enter-queue";
import { resolveQueueSettings, type ConcertQueueColumns, type ConcertStatus } from "../queue/settings";
import type { DashboardView } from "../schemas/organizer-dashboard";
import { queryRows, sql } from "../sql";
import { requireConcertMember } from "./concerts";

// The on-sale dashboard of a concert: its line, its seats and its takings, read fresh on every
// refresh (an organizer's screen every few seconds is no load beside the fans'): the membership
// check, one statement for the seats and sales, and two reads of the queue store.

const WINDOW_MINUTES = 30;

interface Figures extends ConcertQueueColumns {
  status: ConcertStatus;
  tiers: DashboardView["tiers"];
  dates: DashboardView["dates"];
  sections: DashboardView["sections"];
  holdsLive: number;
  ticketsSold: number;
  revenue: number;
  recent: { minute: string; payments: number; tickets: number; revenue: number }[];
  errors: { minute: string; errors: number }[];
}

function readFigures(concertId: string, now: Date, since: Date): Promise<Figures[]> {
  return queryRows<Figures>(
    pool(),
    sql`
    WITH d AS (SELECT id, starts_at FROM schedules WHERE concert_id = ${concertId}::uuid),
    counts AS (
      SELECT se.schedule_id, se.section, se.tier, count(*)::int AS seats,
             count(*) FILTER (WHERE se.status = 'SOLD')::int AS sold,
             count(*) FILTER (WHERE se.status = 'AVAILABLE' AND se.hold_expires_at > ${now})::int AS held
        FROM seats se JOIN d ON d.id = se.schedule_id GROUP BY 1, 2, 3),
    sold AS (SELECT r.created_at, r.payment_id, r.price FROM reservations r JOIN d ON d.id = r.schedule_id)
    SELECT c.status, c.queue_paused AS "queuePaused", c.queue_active_limit AS "queueActiveLimit",
           c.queue_admit_per_tick AS "queueAdmitPerTick", c.queue_active_ttl_seconds AS "queueActiveTtlSeconds",
           c.queue_settings_version AS "queueSettingsVersion", c.abandon_after_minutes AS "abandonAfterMinutes",
           c.admission_schedule AS "admissionSchedule", c.sales_open_at AS "salesOpenAt",
           (SELECT coalesce(json_agg(x ORDER BY x.price DESC, x.name), '[]') FROM (
              SELECT t.name, t.colour, t.price, coalesce(sum(k.seats), 0)::int AS seats, coalesce(sum(k.sold), 0)::int AS sold,
                     coalesce(sum(k.held), 0)::int AS held, coalesce(sum(k.seats - k.sold - k.held), 0)::int AS free
                FROM concert_tiers t LEFT JOIN counts k ON k.tier = t.name
               WHERE t.concert_id = c.id GROUP BY t.name, t.colour, t.price) x) AS tiers,
           (SELECT coalesce(json_agg(x ORDER BY x."startsAt"), '[]') FROM (
              SELECT d.id, d.starts_at AS "startsAt", coalesce(sum(k.seats), 0)::int AS seats, coalesce(sum(k.sold), 0)::int AS sold,
                     coalesce(sum(k.held), 0)::int AS held
                FROM d LEFT JOIN counts k ON k.schedule_id = d.id GROUP BY d.id, d.starts_at) x) AS dates,
           (SELECT coalesce(json_agg(x), '[]') FROM (
              SELECT schedule_id AS "scheduleId", section, sum(seats)::int AS seats, sum(sold)::int AS sold, sum(held)::int AS held
                FROM counts GROUP BY 1, 2) x) AS sections,
           (SELECT count(DISTINCT se.hold_id)::int FROM seats se JOIN d ON d.id = se.schedule_id
             WHERE se.status = 'AVAILABLE' AND se.hold_expires_at > ${now}) AS "holdsLive",
           (SELECT count(*)::int FROM sold) AS "ticketsSold",
           (SELECT coalesce(sum(price), 0)::float8 FROM sold) AS revenue,
           (SELECT coalesce(json_agg(x), '[]') FROM (
              SELECT date_trunc('minute', created_at) AS minute, count(DISTINCT payment_id)::int AS payments, count(*)::int AS tickets,
                     sum(price)::float8 AS revenue
                FROM sold WHERE created_at >= ${since} GROUP BY 1) x) AS recent,
           (SELECT coalesce(json_agg(json_build_object('minute', minute, 'errors', errors)), '[]')
              FROM concert_error_minutes WHERE concert_id = c.id AND minute >= ${since}) AS errors
      FROM concerts c WHERE c.id = ${concertId}::uuid`,
  );
}

/** The dashboard's figures (any member of the concert's organization). */
export async function getDashboard(actorId: string, concertId: string, deps = defaultQueueDeps()): Promise<DashboardView> {
  await requireConcertMember(actorId, concertId, "read");
  const now = deps.clock.now();
  const since = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - (WINDOW_MINUTES - 1) * 60_000);
  const [[figures], census, counters] = await Promise.all([readFigures(concertId, now, since), deps.store.census(concertId, now), deps.store.counters(concertId)]);
  const f = figures!;
  const settings = resolveQueueSettings(f, now);
  const admittedPerSecond = f.queuePaused ? 0 : counters.admitRate;
  return {
    concertId,
    status: f.status,
    generatedAt: now.toISOString(),
    queue: {
      paused: f.queuePaused,
      ...census,
      activeLimit: settings.activeLimit,
      serving: counters.serving,
      lastNumber: counters.lastNumber,
      admittedPerMinute: Math.round(admittedPerSecond * 60 * 10) / 10,
      lastInLineEtaSeconds: census.waiting > 0 && admittedPerSecond > 0.001 ? Math.ceil(census.waiting / admittedPerSecond) : null,
    },
    holdsLive: f.holdsLive,
    ticketsSold: f.ticketsSold,
    revenue: f.revenue,
    tiers: f.tiers,
    dates: f.dates.map((d) => ({ ...d, startsAt: new Date(d.startsAt).toISOString() })),
    sections: f.sections,
    perMinute: minutes(since, f.recent, f.errors),
  };
}

/** One entry per minute of the window, zeros where nothing happened. */
function minutes(since: Date, recent: Figures["recent"], errors: Figures["errors"]): DashboardView["perMinute"] {
  const sales = new Map(recent.map((r) => [new Date(r.minute).getTime(), r]));
  const failed = new Map(errors.map((e) => [new Date(e.minute).getTime(), e.errors]));
  return Array.from({ length: WINDOW_MINUTES }, (_, i) => {
    const at = since.getTime() + i * 60_000;
    const sale = sales.get(at);
    return { minute: new Date(at).toISOString(), payments: sale?.payments ?? 0, tickets: sale?.tickets ?? 0, revenue: sale?.revenue ?? 0, errors: failed.get(at) ?? 0 };
  });
}
