-- Queue settings carry the version of the concert's settings they come from. Both stores
-- record settings only when they are at least as new as those recorded, so an instance whose
-- cached settings are a moment old (or a cron tick that read them before a change) cannot
-- undo an organizer's pause, resume or new limits. Settings without a version always apply.
ALTER TABLE "concerts" ADD COLUMN "queue_settings_version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "queue_counters" ADD COLUMN "settings_version" INTEGER NOT NULL DEFAULT 0;

DROP FUNCTION queue_enter(uuid, uuid, timestamptz, int, int, int, int, int);
DROP FUNCTION queue_admit(uuid, timestamptz, boolean, int, int, int, int, int);

-- queue_enter as before, recording its settings only when they are not older than those recorded.
CREATE FUNCTION queue_enter(p_concert uuid, p_user uuid, p_now timestamptz,
                            p_limit int, p_per_tick int, p_ttl_seconds int,
                            p_min_interval_ms int, p_grace_seconds int, p_settings_version int DEFAULT NULL)
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
    -- Locks the counter row whether or not the settings are newer than those recorded.
    INSERT INTO queue_counters (concert_id, active_limit, admit_per_tick, active_ttl_seconds, settings_version)
    VALUES (p_concert, p_limit, p_per_tick, p_ttl_seconds, coalesce(p_settings_version, 0))
    ON CONFLICT (concert_id) DO UPDATE
      SET active_limit = EXCLUDED.active_limit, admit_per_tick = EXCLUDED.admit_per_tick,
          active_ttl_seconds = EXCLUDED.active_ttl_seconds,
          settings_version = greatest(queue_counters.settings_version, EXCLUDED.settings_version)
      WHERE p_settings_version IS NULL OR queue_counters.settings_version <= p_settings_version;
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

-- queue_admit as before, likewise.
CREATE FUNCTION queue_admit(p_concert uuid, p_now timestamptz, p_force boolean,
                            p_min_interval_ms int, p_grace_seconds int,
                            p_limit int DEFAULT NULL, p_per_tick int DEFAULT NULL, p_ttl_seconds int DEFAULT NULL,
                            p_settings_version int DEFAULT NULL)
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
  IF p_limit IS NOT NULL AND (p_settings_version IS NULL OR c.settings_version <= p_settings_version) THEN
    UPDATE queue_counters SET active_limit = p_limit, admit_per_tick = p_per_tick, active_ttl_seconds = p_ttl_seconds,
                              settings_version = greatest(c.settings_version, coalesce(p_settings_version, 0))
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
