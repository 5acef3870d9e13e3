-- AlterEnum
ALTER TYPE "queue_entry_status" ADD VALUE 'ADMITTED' BEFORE 'ACTIVE';

-- AlterTable
ALTER TABLE "queue_counters" ADD COLUMN     "active_limit" INTEGER NOT NULL,
ADD COLUMN     "active_ttl_seconds" INTEGER NOT NULL,
ADD COLUMN     "admit_per_tick" INTEGER NOT NULL;

-- ─── Waiting-room operations ───────────────────────────────────────────────────
-- Each operation of the Postgres queue store is one of these functions, called in one
-- statement (one transaction): the same shape as the Redis store's Lua scripts.
-- Times come from the caller so both stores share one clock.

ALTER TABLE "queue_counters" ADD CONSTRAINT "queue_counters_serving_within_line"
  CHECK ("serving" <= "last_number");
ALTER TABLE "queue_counters" ADD CONSTRAINT "queue_counters_settings_positive"
  CHECK ("active_limit" > 0 AND "admit_per_tick" > 0 AND "active_ttl_seconds" > 0);

-- Takes the next number for a user, or finds their live place, then answers as a poll
-- does. A returning user is answered without touching the counter; a new number takes
-- the counter row's lock, so numbers are gapless and a user racing themselves gets one.
CREATE FUNCTION queue_enter(p_concert uuid, p_user uuid, p_now timestamptz,
                            p_limit int, p_per_tick int, p_ttl_seconds int,
                            p_min_interval_ms int, p_grace_seconds int)
RETURNS TABLE (created boolean, entry_number int, status text, active_until timestamptz,
               serving int, last_number int, admit_rate double precision)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_entry queue_entries%ROWTYPE;
  v_number int;
  v_created boolean := false;
BEGIN
  SELECT * INTO v_entry FROM queue_entries WHERE concert_id = p_concert AND user_id = p_user;
  IF NOT (FOUND AND queue_entry_is_live(v_entry, p_now)) THEN
    INSERT INTO queue_counters (concert_id, active_limit, admit_per_tick, active_ttl_seconds)
    VALUES (p_concert, p_limit, p_per_tick, p_ttl_seconds)
    ON CONFLICT (concert_id) DO UPDATE
      SET active_limit = EXCLUDED.active_limit, admit_per_tick = EXCLUDED.admit_per_tick,
          active_ttl_seconds = EXCLUDED.active_ttl_seconds;
    -- Under the counter lock now: look again, a racing request of ours may have won.
    SELECT * INTO v_entry FROM queue_entries WHERE concert_id = p_concert AND user_id = p_user;
    IF NOT (FOUND AND queue_entry_is_live(v_entry, p_now)) THEN
      UPDATE queue_counters SET last_number = last_number + 1
       WHERE concert_id = p_concert RETURNING last_number INTO v_number;
      INSERT INTO queue_entries (concert_id, user_id, number, status, entered_at, active_until)
      VALUES (p_concert, p_user, v_number, 'WAITING', p_now, NULL)
      ON CONFLICT (concert_id, user_id) DO UPDATE
        SET number = EXCLUDED.number, status = 'WAITING', entered_at = EXCLUDED.entered_at, active_until = NULL;
      v_created := true;
      v_entry.number := v_number;
    END IF;
  END IF;
  RETURN QUERY SELECT v_created, p.*
    FROM queue_poll(p_concert, p_user, v_entry.number, p_now, p_min_interval_ms, p_grace_seconds) p;
END $$;

-- (plpgsql, not sql: an sql body would be checked now, before the new enum value may be used.)
CREATE FUNCTION queue_entry_is_live(e queue_entries, p_now timestamptz) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN e.status = 'WAITING' OR (e.status IN ('ADMITTED', 'ACTIVE') AND e.active_until > p_now);
END $$;

-- One admission step: admits the next waiting entries, at most
-- min(admit_per_tick, active_limit - slots in use), reserving each a slot until
-- p_now + p_grace_seconds. Unforced steps (from polls) run at most once per
-- p_min_interval_ms and skip when another step holds the counter; a recorded step time
-- far from the caller's clock (a skewed instance) does not hold the line up. Settings,
-- when given, replace the recorded ones first. No row when skipped or there is no line.
CREATE FUNCTION queue_admit(p_concert uuid, p_now timestamptz, p_force boolean,
                            p_min_interval_ms int, p_grace_seconds int,
                            p_limit int DEFAULT NULL, p_per_tick int DEFAULT NULL, p_ttl_seconds int DEFAULT NULL)
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
  IF p_limit IS NOT NULL THEN
    UPDATE queue_counters SET active_limit = p_limit, admit_per_tick = p_per_tick, active_ttl_seconds = p_ttl_seconds
     WHERE concert_id = p_concert RETURNING * INTO c;
  END IF;

  -- Lapsed slots end here, under the lock: once a slot is counted free, no poll (however
  -- late its clock) can bring its old holder back.
  UPDATE queue_entries e SET status = 'EXPIRED'
   WHERE e.concert_id = p_concert AND e.status IN ('ADMITTED', 'ACTIVE') AND e.active_until <= p_now;
  SELECT count(*) INTO v_used FROM queue_entries e
   WHERE e.concert_id = p_concert AND e.status IN ('ADMITTED', 'ACTIVE');
  v_room := LEAST(c.admit_per_tick, c.active_limit - v_used);
  v_serving := c.serving;

  IF v_room > 0 THEN
    -- Entries that left are not WAITING, so they are skipped without taking a slot.
    WITH next AS (
      SELECT e.user_id FROM queue_entries e
       WHERE e.concert_id = p_concert AND e.status = 'WAITING' AND e.number > c.serving
       ORDER BY e.number LIMIT v_room FOR UPDATE
    ), moved AS (
      UPDATE queue_entries e SET status = 'ADMITTED', active_until = p_now + make_interval(secs => p_grace_seconds)
        FROM next WHERE e.concert_id = p_concert AND e.user_id = next.user_id
      RETURNING e.number
    )
    SELECT count(*), COALESCE(max(moved.number), c.serving) INTO v_admitted, v_serving FROM moved;
    -- Fewer admitted than there was room for: everyone in line is in.
    IF v_admitted < v_room THEN v_serving := c.last_number; END IF;
  END IF;

  -- Admissions per second, smoothed over about 30 s of wall time.
  v_rate := c.admit_rate;
  IF c.last_admit_at IS NOT NULL AND c.last_admit_at < p_now THEN
    v_elapsed := GREATEST(EXTRACT(EPOCH FROM (p_now - c.last_admit_at)), 0.001);
    v_rate := v_rate + (1 - exp(-v_elapsed / 30)) * (v_admitted / v_elapsed - v_rate);
  END IF;

  UPDATE queue_counters SET serving = v_serving, last_admit_at = p_now, admit_rate = GREATEST(v_rate, 0)
   WHERE concert_id = p_concert;
  RETURN QUERY SELECT v_admitted, v_serving;
END $$;

-- A status poll: a lazy admission step, then the user's entry. The entry becomes ACTIVE
-- when it was admitted, its reserved slot is still held, and its number is the one asked
-- about (a stale token must not start someone's shopping time).
CREATE FUNCTION queue_poll(p_concert uuid, p_user uuid, p_number int, p_now timestamptz,
                           p_min_interval_ms int, p_grace_seconds int)
RETURNS TABLE (entry_number int, status text, active_until timestamptz,
               serving int, last_number int, admit_rate double precision)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM queue_admit(p_concert, p_now, false, p_min_interval_ms, p_grace_seconds);

  UPDATE queue_entries e SET status = 'ACTIVE', active_until = p_now + make_interval(secs => c.active_ttl_seconds)
    FROM queue_counters c
   WHERE c.concert_id = p_concert AND e.concert_id = p_concert AND e.user_id = p_user AND e.number = p_number
     AND e.status = 'ADMITTED' AND e.active_until > p_now;

  RETURN QUERY
  SELECT e.number,
         CASE WHEN e.status IN ('ADMITTED', 'ACTIVE') AND e.active_until <= p_now THEN 'EXPIRED'
              ELSE e.status::text END,
         e.active_until, c.serving, c.last_number, c.admit_rate
    FROM queue_counters c
    LEFT JOIN queue_entries e ON e.concert_id = c.concert_id AND e.user_id = p_user AND e.number = p_number
   WHERE c.concert_id = p_concert;
END $$;
