-- The fair on-sale: a pre-queue drawn at the open (commit-reveal), abandoned places,
-- entry challenges used once. New enum values are only named inside function bodies
-- here: PostgreSQL refuses their use in the transaction that adds them.

ALTER TYPE "queue_entry_status" ADD VALUE 'PRE_QUEUE' BEFORE 'WAITING';
ALTER TYPE "queue_entry_status" ADD VALUE 'ABANDONED';

-- AlterTable
ALTER TABLE "concerts" ADD COLUMN     "abandon_after_minutes" INTEGER DEFAULT 10,
ADD COLUMN     "admission_schedule" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "challenge_difficulty" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "min_account_age_days" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pre_queue_opens_at" TIMESTAMPTZ(3),
ADD COLUMN     "sales_open_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "queue_counters" ADD COLUMN     "abandon_seconds" INTEGER,
ADD COLUMN     "draw_pending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pre_queue_closed" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "queue_entries" ADD COLUMN     "entry_id" TEXT,
ADD COLUMN     "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "number" DROP NOT NULL;

-- CreateTable
CREATE TABLE "queue_draws" (
    "concert_id" UUID NOT NULL,
    "seed" BYTEA NOT NULL,
    "commitment" TEXT NOT NULL,
    "committed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "drawing_since" TIMESTAMPTZ(3),
    "drawn_at" TIMESTAMPTZ(3),
    "first_number" INTEGER,
    "entry_ids" TEXT[],
    "list_hash" TEXT,
    "draw_ms" INTEGER,

    CONSTRAINT "queue_draws_pkey" PRIMARY KEY ("concert_id")
);

-- CreateTable
CREATE TABLE "queue_draw_lists" (
    "concert_id" UUID NOT NULL,
    "first_number" INTEGER NOT NULL,
    "entry_ids" TEXT[],

    CONSTRAINT "queue_draw_lists_pkey" PRIMARY KEY ("concert_id")
);

-- CreateTable
CREATE TABLE "used_challenges" (
    "signature" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "used_challenges_pkey" PRIMARY KEY ("signature")
);

-- CreateIndex
CREATE INDEX "used_challenges_expires_at_idx" ON "used_challenges"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "queue_entries_concert_id_entry_id_key" ON "queue_entries"("concert_id", "entry_id");

-- AddForeignKey
ALTER TABLE "queue_draws" ADD CONSTRAINT "queue_draws_concert_id_fkey" FOREIGN KEY ("concert_id") REFERENCES "concerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_draw_lists" ADD CONSTRAINT "queue_draw_lists_concert_id_fkey" FOREIGN KEY ("concert_id") REFERENCES "concerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "concerts" ADD CONSTRAINT "concerts_on_sale_order"
  CHECK ("pre_queue_opens_at" IS NULL OR ("sales_open_at" IS NOT NULL AND "pre_queue_opens_at" < "sales_open_at"));
ALTER TABLE "concerts" ADD CONSTRAINT "concerts_fairness_settings_in_range"
  CHECK ("challenge_difficulty" BETWEEN 0 AND 10000000 AND "min_account_age_days" BETWEEN 0 AND 3650
         AND ("abandon_after_minutes" IS NULL OR "abandon_after_minutes" BETWEEN 1 AND 1440));
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_numbered_unless_pre_queue"
  CHECK ("number" IS NOT NULL OR "entry_id" IS NOT NULL);

-- Admission walks the waiting places in number order and nothing else.
CREATE INDEX "queue_entries_waiting_by_number" ON "queue_entries" ("concert_id", "number") WHERE "status" = 'WAITING';

DROP FUNCTION queue_enter(uuid, uuid, timestamptz, int, int, int, int, int, int);
DROP FUNCTION queue_admit(uuid, timestamptz, boolean, int, int, int, int, int, int);
DROP FUNCTION queue_poll(uuid, uuid, int, timestamptz, int, int);

-- A pre-queue place is live until the draw numbers it.
CREATE OR REPLACE FUNCTION queue_entry_is_live(e queue_entries, p_now timestamptz) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN e.status IN ('PRE_QUEUE', 'WAITING') OR (e.status IN ('ADMITTED', 'ACTIVE') AND e.active_until > p_now);
END $$;

-- One admission step, as before, and: nothing moves while a draw's numbers are being
-- placed; waiting places whose holder has not been heard from for abandon_seconds are
-- set aside (ABANDONED) as they are reached, without taking a slot; places taken back
-- after that (WAITING below serving) go first; the admission rate holds still while the
-- line is paused, so the waiting keep their estimate.
CREATE FUNCTION queue_admit(p_concert uuid, p_now timestamptz, p_force boolean,
                            p_min_interval_ms int, p_grace_seconds int,
                            p_limit int DEFAULT NULL, p_per_tick int DEFAULT NULL, p_ttl_seconds int DEFAULT NULL,
                            p_settings_version int DEFAULT NULL, p_abandon_seconds int DEFAULT NULL)
RETURNS TABLE (admitted int, serving int)
LANGUAGE plpgsql AS $$
DECLARE
  c queue_counters%ROWTYPE;
  v_interval interval := p_min_interval_ms * interval '1 millisecond';
  v_used int;
  v_room int;
  v_admitted int := 0;
  v_serving int;
  v_elapsed double precision;
  v_rate double precision;
  v_next record;
BEGIN
  IF p_force THEN
    SELECT * INTO c FROM queue_counters WHERE concert_id = p_concert FOR UPDATE;
  ELSE
    -- Most polls find a step ran recently: a plain read, no row lock taken.
    IF EXISTS (SELECT 1 FROM queue_counters q WHERE q.concert_id = p_concert
                AND q.last_admit_at > p_now - v_interval AND q.last_admit_at < p_now + v_interval) THEN
      RETURN;
    END IF;
    SELECT * INTO c FROM queue_counters WHERE concert_id = p_concert FOR UPDATE SKIP LOCKED;
  END IF;
  IF NOT FOUND OR (NOT p_force AND c.last_admit_at > p_now - v_interval AND c.last_admit_at < p_now + v_interval) THEN
    RETURN;
  END IF;
  IF p_limit IS NOT NULL AND (p_settings_version IS NULL OR c.settings_version <= p_settings_version) THEN
    UPDATE queue_counters SET active_limit = p_limit, admit_per_tick = p_per_tick, active_ttl_seconds = p_ttl_seconds,
                              abandon_seconds = p_abandon_seconds,
                              settings_version = greatest(c.settings_version, coalesce(p_settings_version, 0))
     WHERE concert_id = p_concert RETURNING * INTO c;
  END IF;
  IF c.draw_pending THEN RETURN; END IF;

  UPDATE queue_entries e SET status = 'EXPIRED'
   WHERE e.concert_id = p_concert AND e.status IN ('ADMITTED', 'ACTIVE') AND e.active_until <= p_now;
  SELECT count(*) INTO v_used FROM queue_entries e
   WHERE e.concert_id = p_concert AND e.status IN ('ADMITTED', 'ACTIVE');
  v_room := LEAST(c.admit_per_tick, c.active_limit - v_used);
  v_serving := c.serving;

  IF v_room > 0 THEN
    FOR v_next IN
      SELECT e.user_id, e.number, e.last_seen_at FROM queue_entries e
       WHERE e.concert_id = p_concert AND e.status = 'WAITING' ORDER BY e.number FOR UPDATE
    LOOP
      EXIT WHEN v_admitted >= v_room;
      IF c.abandon_seconds IS NOT NULL AND v_next.number > c.serving
         AND v_next.last_seen_at < p_now - make_interval(secs => c.abandon_seconds) THEN
        UPDATE queue_entries e SET status = 'ABANDONED' WHERE e.concert_id = p_concert AND e.user_id = v_next.user_id;
      ELSE
        UPDATE queue_entries e SET status = 'ADMITTED', active_until = p_now + make_interval(secs => p_grace_seconds)
         WHERE e.concert_id = p_concert AND e.user_id = v_next.user_id;
        v_admitted := v_admitted + 1;
      END IF;
      v_serving := GREATEST(v_serving, v_next.number);
    END LOOP;
    -- Fewer admitted than there was room for: everyone in line is in.
    IF v_admitted < v_room THEN v_serving := c.last_number; END IF;
  END IF;

  -- Admissions per second, smoothed over about 30 s of wall time; held while paused.
  v_rate := c.admit_rate;
  IF c.last_admit_at IS NOT NULL AND c.last_admit_at < p_now AND c.admit_per_tick > 0 THEN
    v_elapsed := GREATEST(EXTRACT(EPOCH FROM (p_now - c.last_admit_at)), 0.001);
    v_rate := v_rate + (1 - exp(-v_elapsed / 30)) * (v_admitted / v_elapsed - v_rate);
  END IF;

  UPDATE queue_counters SET serving = v_serving, last_admit_at = p_now, admit_rate = GREATEST(v_rate, 0)
   WHERE concert_id = p_concert;
  RETURN QUERY SELECT v_admitted, v_serving;
END $$;

-- The user's place after a lazy admission step. Number 0 asks about the place the
-- pre-queue gave (still PRE_QUEUE, or the number the draw placed it at). Asking keeps a
-- waiting place from being abandoned, and takes back one that was.
CREATE FUNCTION queue_poll(p_concert uuid, p_user uuid, p_number int, p_now timestamptz,
                           p_min_interval_ms int, p_grace_seconds int)
RETURNS TABLE (entry_number int, status text, active_until timestamptz, serving int, last_number int,
               admit_rate double precision, entry_id text, paused boolean)
LANGUAGE plpgsql AS $$
DECLARE
  v_number int := p_number;
BEGIN
  PERFORM queue_admit(p_concert, p_now, false, p_min_interval_ms, p_grace_seconds);
  IF p_number = 0 THEN
    SELECT e.number INTO v_number FROM queue_entries e
     WHERE e.concert_id = p_concert AND e.user_id = p_user AND e.entry_id IS NOT NULL;
  END IF;

  -- Heard from: written at most every 10 s per place.
  UPDATE queue_entries e SET status = 'WAITING', last_seen_at = p_now
   WHERE e.concert_id = p_concert AND e.user_id = p_user AND e.number = v_number
     AND (e.status = 'ABANDONED' OR (e.status = 'WAITING' AND e.last_seen_at < p_now - interval '10 seconds'));

  UPDATE queue_entries e SET status = 'ACTIVE', active_until = p_now + make_interval(secs => c.active_ttl_seconds)
    FROM queue_counters c
   WHERE c.concert_id = p_concert AND e.concert_id = p_concert AND e.user_id = p_user AND e.number = v_number
     AND e.status = 'ADMITTED' AND e.active_until > p_now;

  RETURN QUERY
  SELECT e.number,
         CASE WHEN e.status IN ('ADMITTED', 'ACTIVE') AND e.active_until <= p_now THEN 'EXPIRED'
              ELSE e.status::text END,
         e.active_until, c.serving, c.last_number, c.admit_rate, e.entry_id, c.admit_per_tick = 0
    FROM queue_counters c
    LEFT JOIN queue_entries e ON e.concert_id = c.concert_id AND e.user_id = p_user
         AND (e.number = v_number OR (p_number = 0 AND e.status = 'PRE_QUEUE'))
   WHERE c.concert_id = p_concert;
END $$;

-- Takes the next number for a user, or finds their live place, then answers as a poll
-- does. With p_pre_queue_entry, while the pre-queue is open, the user joins it under that
-- entry id instead (no number until the draw); once it closed, they join in arrival order.
CREATE FUNCTION queue_enter(p_concert uuid, p_user uuid, p_now timestamptz,
                            p_limit int, p_per_tick int, p_ttl_seconds int,
                            p_min_interval_ms int, p_grace_seconds int, p_settings_version int,
                            p_abandon_seconds int, p_pre_queue_entry text)
RETURNS TABLE (created boolean, entry_number int, status text, active_until timestamptz,
               serving int, last_number int, admit_rate double precision, entry_id text, paused boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_entry queue_entries%ROWTYPE;
  v_number int;
  v_closed boolean;
  v_created boolean := false;
BEGIN
  SELECT * INTO v_entry FROM queue_entries WHERE concert_id = p_concert AND user_id = p_user;
  IF NOT (FOUND AND queue_entry_is_live(v_entry, p_now)) THEN
    -- Locks the counter row whether or not the settings are newer than those recorded.
    INSERT INTO queue_counters (concert_id, active_limit, admit_per_tick, active_ttl_seconds, abandon_seconds, settings_version)
    VALUES (p_concert, p_limit, p_per_tick, p_ttl_seconds, p_abandon_seconds, coalesce(p_settings_version, 0))
    ON CONFLICT (concert_id) DO UPDATE
      SET active_limit = EXCLUDED.active_limit, admit_per_tick = EXCLUDED.admit_per_tick,
          active_ttl_seconds = EXCLUDED.active_ttl_seconds, abandon_seconds = EXCLUDED.abandon_seconds,
          settings_version = greatest(queue_counters.settings_version, EXCLUDED.settings_version)
      WHERE p_settings_version IS NULL OR queue_counters.settings_version <= p_settings_version;
    -- Under the counter lock now: look again, a racing request of ours may have won.
    SELECT * INTO v_entry FROM queue_entries WHERE concert_id = p_concert AND user_id = p_user;
    IF NOT (FOUND AND queue_entry_is_live(v_entry, p_now)) THEN
      SELECT pre_queue_closed INTO v_closed FROM queue_counters WHERE concert_id = p_concert;
      IF p_pre_queue_entry IS NOT NULL AND NOT v_closed THEN
        INSERT INTO queue_entries (concert_id, user_id, number, status, entry_id, entered_at, active_until, last_seen_at)
        VALUES (p_concert, p_user, NULL, 'PRE_QUEUE', p_pre_queue_entry, p_now, NULL, p_now)
        ON CONFLICT (concert_id, user_id) DO UPDATE
          SET number = NULL, status = 'PRE_QUEUE', entry_id = EXCLUDED.entry_id, entered_at = EXCLUDED.entered_at,
              active_until = NULL, last_seen_at = EXCLUDED.last_seen_at;
        v_entry.number := 0;
      ELSE
        UPDATE queue_counters SET last_number = last_number + 1
         WHERE concert_id = p_concert RETURNING last_number INTO v_number;
        INSERT INTO queue_entries (concert_id, user_id, number, status, entry_id, entered_at, active_until, last_seen_at)
        VALUES (p_concert, p_user, v_number, 'WAITING', NULL, p_now, NULL, p_now)
        ON CONFLICT (concert_id, user_id) DO UPDATE
          SET number = EXCLUDED.number, status = 'WAITING', entry_id = NULL, entered_at = EXCLUDED.entered_at,
              active_until = NULL, last_seen_at = EXCLUDED.last_seen_at;
        v_entry.number := v_number;
      END IF;
      v_created := true;
    END IF;
  END IF;
  RETURN QUERY SELECT v_created, p.*
    FROM queue_poll(p_concert, p_user, coalesce(v_entry.number, 0), p_now, p_min_interval_ms, p_grace_seconds) p;
END $$;

-- Closes the pre-queue: later entrants join in arrival order. Its entries are counted
-- and their numbers reserved (above every number handed out), and the list is kept, so a
-- draw retried after a crash finds the same list. Nobody is admitted until the numbers are
-- placed (queue_counters.draw_pending). Idempotent.
CREATE FUNCTION queue_close_pre_queue(p_concert uuid, p_limit int, p_per_tick int, p_ttl_seconds int)
RETURNS TABLE (first_number int, entry_ids text[])
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  c queue_counters%ROWTYPE;
  v_ids text[];
BEGIN
  INSERT INTO queue_counters (concert_id, active_limit, admit_per_tick, active_ttl_seconds)
  VALUES (p_concert, p_limit, p_per_tick, p_ttl_seconds) ON CONFLICT (concert_id) DO NOTHING;
  SELECT * INTO c FROM queue_counters WHERE concert_id = p_concert FOR UPDATE;
  IF NOT c.pre_queue_closed THEN
    SELECT coalesce(array_agg(e.entry_id), '{}') INTO v_ids
      FROM queue_entries e WHERE e.concert_id = p_concert AND e.status = 'PRE_QUEUE';
    INSERT INTO queue_draw_lists (concert_id, first_number, entry_ids) VALUES (p_concert, c.last_number + 1, v_ids);
    UPDATE queue_counters SET pre_queue_closed = true, last_number = c.last_number + cardinality(v_ids),
                              draw_pending = cardinality(v_ids) > 0
     WHERE concert_id = p_concert;
  END IF;
  RETURN QUERY SELECT l.first_number, l.entry_ids FROM queue_draw_lists l WHERE l.concert_id = p_concert;
END $$;
