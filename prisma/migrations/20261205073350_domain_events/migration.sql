-- Domain events: a transactional outbox written by triggers, so every writer (the booking
-- functions, the cron tick, the organizer's cancel) records what it changed in its own
-- transaction, once per change: a rollback leaves no event, a commit loses none.
-- Events get their position after commit, from sequence_events: one sequencer at a time
-- (an advisory lock), so positions follow the order in which changes became visible and a
-- reader that saw position p can never later find a lower one.

CREATE TABLE "events" (
    "id" BIGSERIAL NOT NULL,
    "position" BIGINT,
    "type" TEXT NOT NULL,
    "schedule_id" UUID,
    "concert_id" UUID,
    "user_id" UUID,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "event_sequence" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "last_position" BIGINT NOT NULL DEFAULT 0,
    "purged_through" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "event_sequence_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "event_sequence_one_row" CHECK ("id")
);
INSERT INTO "event_sequence" DEFAULT VALUES;

CREATE UNIQUE INDEX "events_position_key" ON "events"("position");
CREATE INDEX "events_created_at_idx" ON "events" USING BRIN ("created_at");
-- What the sequencer has still to number.
CREATE INDEX "events_unsequenced" ON "events"("id") WHERE "position" IS NULL;
-- Resuming one stream from a position.
CREATE INDEX "events_schedule_stream" ON "events"("schedule_id", "position") WHERE "schedule_id" IS NOT NULL;
CREATE INDEX "events_concert_stream" ON "events"("concert_id", "position") WHERE "concert_id" IS NOT NULL;
CREATE INDEX "events_user_stream" ON "events"("user_id", "position") WHERE "user_id" IS NOT NULL;

-- Numbers up to p_limit committed events, oldest first, and tells every listening instance
-- the new last position. NULLs when another sequencer is at work (its caller tries again
-- shortly). Writers never NOTIFY themselves: a NOTIFY in a write transaction would
-- serialise every commit behind one lock; here it is one per batch.
CREATE FUNCTION sequence_events(p_limit int, OUT last_position bigint, OUT sequenced int) LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtextextended('stagepass.sequence_events', 0)) THEN
    RETURN;
  END IF;
  SELECT s.last_position INTO last_position FROM event_sequence s;
  WITH next AS (
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM events WHERE position IS NULL ORDER BY id LIMIT p_limit
  )
  UPDATE events e SET position = last_position + next.n FROM next WHERE e.id = next.id;
  GET DIAGNOSTICS sequenced = ROW_COUNT;
  IF sequenced > 0 THEN
    last_position := last_position + sequenced;
    UPDATE event_sequence s SET last_position = sequence_events.last_position;
    PERFORM pg_notify('stagepass_events', last_position::text);
  END IF;
END $$;

-- Times in payloads as the API writes them (2026-12-05T09:00:00.000Z).
CREATE FUNCTION iso_time(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- Seats: one event per statement, date and kind (a hold of four seats is one seat.held).
-- SOLD wins over a cleared hold; a held seat says until when, so a client can free it
-- itself when the hold lapses.
CREATE FUNCTION seat_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (type, schedule_id, concert_id, payload)
  SELECT c.type, c.schedule_id, s.concert_id,
         jsonb_strip_nulls(jsonb_build_object('scheduleId', c.schedule_id, 'seatIds', c.seat_ids, 'heldUntil', iso_time(c.held_until)))
    FROM (SELECT n.schedule_id,
                 CASE WHEN n.status = 'SOLD' THEN 'seat.sold' WHEN n.hold_id IS NOT NULL THEN 'seat.held' ELSE 'seat.freed' END AS type,
                 CASE WHEN n.status <> 'SOLD' THEN n.hold_expires_at END AS held_until,
                 array_agg(n.id ORDER BY n.id) AS seat_ids
            FROM new_seats n JOIN old_seats o ON o.id = n.id
           WHERE (n.status, n.hold_id, n.hold_expires_at) IS DISTINCT FROM (o.status, o.hold_id, o.hold_expires_at)
           GROUP BY 1, 2, 3) c
    JOIN schedules s ON s.id = c.schedule_id;
  RETURN NULL;
END $$;
CREATE TRIGGER seats_events AFTER UPDATE ON seats
  REFERENCING OLD TABLE AS old_seats NEW TABLE AS new_seats
  FOR EACH STATEMENT EXECUTE FUNCTION seat_events();

-- A date's seats were repriced: clients holding its map load it again.
CREATE FUNCTION schedule_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (type, schedule_id, concert_id, payload)
  SELECT 'seats.revised', n.id, n.concert_id, jsonb_build_object('scheduleId', n.id, 'revision', n.seats_revision)
    FROM new_schedules n JOIN old_schedules o ON o.id = n.id
   WHERE n.seats_revision <> o.seats_revision;
  RETURN NULL;
END $$;
CREATE TRIGGER schedules_events AFTER UPDATE ON schedules
  REFERENCING OLD TABLE AS old_schedules NEW TABLE AS new_schedules
  FOR EACH STATEMENT EXECUTE FUNCTION schedule_events();

CREATE FUNCTION concert_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (type, concert_id, payload)
  SELECT 'concert.' || lower(n.status::text), n.id, jsonb_build_object('concertId', n.id)
    FROM new_concerts n JOIN old_concerts o ON o.id = n.id
   WHERE n.status <> o.status;
  RETURN NULL;
END $$;
CREATE TRIGGER concerts_events AFTER UPDATE ON concerts
  REFERENCING OLD TABLE AS old_concerts NEW TABLE AS new_concerts
  FOR EACH STATEMENT EXECUTE FUNCTION concert_events();

-- Holds: made, changed, given back, lapsed (a paid hold is told by payment.completed).
CREATE FUNCTION hold_payload(h holds) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object('holdId', h.id, 'scheduleId', h.schedule_id, 'amount', h.amount,
                            'expiresAt', iso_time(h.expires_at), 'seatIds', (SELECT coalesce(jsonb_agg(seat_id ORDER BY seat_id), '[]') FROM hold_seats WHERE hold_id = h.id))
$$;

-- At commit (a deferred row trigger): the hold's seats are written after the hold itself.
CREATE FUNCTION hold_created_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (type, schedule_id, concert_id, user_id, payload)
  SELECT 'hold.created', NEW.schedule_id, s.concert_id, NEW.user_id, hold_payload(NEW)
    FROM schedules s WHERE s.id = NEW.schedule_id;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER holds_created_event AFTER INSERT ON holds
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION hold_created_event();

-- A hold given back or lapsed, or changed while live (change_hold: other seats, another amount).
CREATE FUNCTION hold_updated_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (type, schedule_id, concert_id, user_id, payload)
  SELECT CASE WHEN n.status = 'ACTIVE' THEN 'hold.changed' ELSE 'hold.' || lower(n.status::text) END,
         n.schedule_id, s.concert_id, n.user_id, hold_payload(n)
    FROM new_holds n JOIN old_holds o ON o.id = n.id JOIN schedules s ON s.id = n.schedule_id
   WHERE o.status = 'ACTIVE' AND n.status IN ('ACTIVE', 'RELEASED', 'EXPIRED');
  RETURN NULL;
END $$;
CREATE TRIGGER holds_updated_events AFTER UPDATE ON holds
  REFERENCING OLD TABLE AS old_holds NEW TABLE AS new_holds
  FOR EACH STATEMENT EXECUTE FUNCTION hold_updated_events();

CREATE FUNCTION payment_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (type, schedule_id, concert_id, user_id, payload)
  SELECT 'payment.completed', h.schedule_id, s.concert_id, n.user_id,
         jsonb_build_object('paymentId', n.id, 'orderNumber', n.order_number, 'holdId', n.hold_id,
                            'scheduleId', h.schedule_id, 'amount', n.amount, 'paidAt', iso_time(n.created_at))
    FROM new_payments n JOIN holds h ON h.id = n.hold_id JOIN schedules s ON s.id = h.schedule_id;
  RETURN NULL;
END $$;
CREATE TRIGGER payments_events AFTER INSERT ON payments
  REFERENCING NEW TABLE AS new_payments
  FOR EACH STATEMENT EXECUTE FUNCTION payment_events();

-- Money put into a wallet (a payment's debit is told by payment.completed).
CREATE FUNCTION wallet_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (type, user_id, payload)
  SELECT 'wallet.charged', n.user_id, jsonb_build_object('transactionId', n.id, 'amount', n.amount, 'balance', n.balance_after)
    FROM new_entries n WHERE n.kind = 'CHARGE';
  RETURN NULL;
END $$;
CREATE TRIGGER ledger_entries_events AFTER INSERT ON ledger_entries
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION wallet_events();

-- A place in line reached the front. Only the PostgreSQL queue store keeps places as rows;
-- the Redis store's admissions are not recorded as events.
CREATE FUNCTION queue_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (type, concert_id, user_id, payload)
  SELECT 'queue.admitted', n.concert_id, n.user_id, jsonb_build_object('concertId', n.concert_id, 'number', n.number)
    FROM new_entries n JOIN old_entries o ON o.concert_id = n.concert_id AND o.user_id = n.user_id
   WHERE n.status IN ('ADMITTED', 'ACTIVE') AND o.status NOT IN ('ADMITTED', 'ACTIVE');
  RETURN NULL;
END $$;
CREATE TRIGGER queue_entries_events AFTER UPDATE ON queue_entries
  REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION queue_events();
