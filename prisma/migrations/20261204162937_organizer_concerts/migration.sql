-- Concerts belong to an organization and one of its venues, and go from DRAFT through
-- PUBLISHED (their dates' seats made from the venue's layout) to CANCELLED. Each has price
-- tiers; seats keep their tier's name and price. Concerts made before organizations move
-- to one organization, at venues rebuilt from their seats, and stay on sale.

CREATE TYPE "concert_status" AS ENUM ('DRAFT', 'PUBLISHED', 'CANCELLED');

ALTER TABLE "concerts" ADD COLUMN "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN "hold_ttl_seconds" INTEGER,
ADD COLUMN "max_tickets_per_account" INTEGER,
ADD COLUMN "organization_id" UUID,
ADD COLUMN "published_at" TIMESTAMPTZ(3),
ADD COLUMN "status" "concert_status" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN "tier_assignments" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "venue_id" UUID;

ALTER TABLE "schedules" ADD COLUMN "layout_version" INTEGER,
ADD COLUMN "seats_revision" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "concert_tiers" (
    "concert_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "colour" TEXT NOT NULL,

    CONSTRAINT "concert_tiers_pkey" PRIMARY KEY ("concert_id","name")
);

ALTER TABLE "venue_layouts" ALTER COLUMN "created_by_id" DROP NOT NULL;
ALTER TABLE "venue_layouts" DROP CONSTRAINT "venue_layouts_created_by_id_fkey";
ALTER TABLE "venue_layouts" ADD CONSTRAINT "venue_layouts_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Concerts made before organizations: one organization holds them (the seed makes the demo
-- organizer its owner), each at a venue whose layout is its first date's seats: sections side
-- by side, rows as they are, tiers and prices as sold.
DO $$
DECLARE
  v_org uuid;
  v_concert record;
  v_venue uuid;
  v_schedule uuid;
  v_sections jsonb;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM concerts) THEN
    RETURN;
  END IF;
  INSERT INTO organizations (name) VALUES ('Stagepass Live') RETURNING id INTO v_org;
  FOR v_concert IN SELECT id, venue FROM concerts LOOP
    SELECT id INTO v_schedule FROM schedules s
     WHERE s.concert_id = v_concert.id AND EXISTS (SELECT 1 FROM seats WHERE schedule_id = s.id)
     ORDER BY starts_at LIMIT 1;
    WITH seat_rows AS (
      SELECT section, "row", mode() WITHIN GROUP (ORDER BY tier) AS tier, count(*)::int AS seats,
             min(number) AS first_number,
             ARRAY(SELECT g FROM generate_series(min(number), max(number)) g
                   EXCEPT SELECT number FROM seats x WHERE x.schedule_id = v_schedule AND x.section = se.section AND x."row" = se."row"
                   ORDER BY 1) AS skip
        FROM seats se WHERE schedule_id = v_schedule GROUP BY section, "row"),
    sections AS (
      SELECT section, max(seats) AS width,
             jsonb_agg(jsonb_build_object('label', "row", 'seats', seats, 'firstNumber', first_number, 'numbering', 'LEFT_TO_RIGHT',
                                          'skip', to_jsonb(skip), 'aisleAfter', '[]'::jsonb, 'accessible', '[]'::jsonb,
                                          'companion', '[]'::jsonb, 'blocked', '[]'::jsonb, 'tier', tier) ORDER BY "row") AS rows
        FROM seat_rows GROUP BY section),
    placed AS (
      SELECT section, rows, coalesce(sum(width + 2) OVER (ORDER BY section ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS x
        FROM sections)
    SELECT jsonb_agg(jsonb_build_object('name', section, 'x', x, 'y', 0, 'curve', 0, 'rows', rows) ORDER BY section)
      INTO v_sections FROM placed;
    INSERT INTO venues (organization_id, name, layout_version) VALUES (v_org, left(v_concert.venue, 80), 1) RETURNING id INTO v_venue;
    INSERT INTO venue_layouts (venue_id, version, document, seat_count)
    VALUES (v_venue, 1,
            jsonb_build_object('sections', coalesce(v_sections, jsonb_build_array(jsonb_build_object(
              'name', 'Floor', 'x', 0, 'y', 0, 'curve', 0, 'rows', jsonb_build_array(jsonb_build_object(
                'label', 'A', 'seats', 1, 'firstNumber', 1, 'numbering', 'LEFT_TO_RIGHT', 'skip', '[]'::jsonb,
                'aisleAfter', '[]'::jsonb, 'accessible', '[]'::jsonb, 'companion', '[]'::jsonb, 'blocked', '[]'::jsonb, 'tier', 'General')))))),
            greatest((SELECT count(*) FROM seats WHERE schedule_id = v_schedule), 1));
    INSERT INTO concert_tiers (concert_id, name, price, colour)
    SELECT v_concert.id, tier, max(price),
           (ARRAY['#7c3aed', '#2563eb', '#059669', '#d97706', '#db2777', '#0891b2'])[1 + (row_number() OVER (ORDER BY max(price) DESC) - 1)::int % 6]
      FROM seats se JOIN schedules s ON s.id = se.schedule_id WHERE s.concert_id = v_concert.id GROUP BY tier;
    UPDATE concerts SET organization_id = v_org, venue_id = v_venue,
           status = CASE WHEN v_schedule IS NULL THEN 'DRAFT'::concert_status ELSE 'PUBLISHED'::concert_status END,
           published_at = CASE WHEN v_schedule IS NULL THEN NULL ELSE created_at END
     WHERE id = v_concert.id;
    UPDATE schedules s SET layout_version = 1 WHERE s.concert_id = v_concert.id AND EXISTS (SELECT 1 FROM seats WHERE schedule_id = s.id);
  END LOOP;
END $$;

ALTER TABLE "concerts" ALTER COLUMN "organization_id" SET NOT NULL, ALTER COLUMN "venue_id" SET NOT NULL;

CREATE INDEX "concerts_organization_id_idx" ON "concerts"("organization_id");
CREATE INDEX "concerts_status_slug_idx" ON "concerts"("status", "slug");

ALTER TABLE "concerts" ADD CONSTRAINT "concerts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "concerts" ADD CONSTRAINT "concerts_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "concert_tiers" ADD CONSTRAINT "concert_tiers_concert_id_fkey" FOREIGN KEY ("concert_id") REFERENCES "concerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The lifecycle's instants match its state; settings stay in range (lib/schemas/organizer-concerts.ts).
ALTER TABLE "concerts" ADD CONSTRAINT "concerts_published_at_with_status" CHECK (("status" = 'DRAFT') = ("published_at" IS NULL));
ALTER TABLE "concerts" ADD CONSTRAINT "concerts_cancelled_at_with_status" CHECK (("status" = 'CANCELLED') = ("cancelled_at" IS NOT NULL));
ALTER TABLE "concerts" ADD CONSTRAINT "concerts_sale_settings_valid"
  CHECK (COALESCE("hold_ttl_seconds", 60) BETWEEN 60 AND 1800 AND COALESCE("max_tickets_per_account", 1) BETWEEN 1 AND 100);
ALTER TABLE "concert_tiers" ADD CONSTRAINT "concert_tiers_valid"
  CHECK (char_length("name") BETWEEN 1 AND 40 AND "price" BETWEEN 1 AND 10000000 AND "colour" ~ '^#[0-9a-f]{6}$');
-- Only dates with seats have a layout version.
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_layout_version_positive" CHECK (COALESCE("layout_version", 1) >= 1);

-- A seat that is held or sold keeps its place, tier and price: what its buyer saw is what
-- they pay and get. (A sold seat cannot be deleted either: its ticket references it.)
CREATE FUNCTION seats_keep_what_was_sold() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'SOLD' OR OLD.hold_expires_at > clock_timestamp() THEN
    RAISE EXCEPTION 'SEAT_LOCKED' USING DETAIL = OLD.tier;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER seats_keep_what_was_sold BEFORE UPDATE OF section, "row", number, tier, price ON seats
  FOR EACH ROW WHEN (OLD.section IS DISTINCT FROM NEW.section OR OLD."row" IS DISTINCT FROM NEW."row"
                     OR OLD.number IS DISTINCT FROM NEW.number OR OLD.tier IS DISTINCT FROM NEW.tier
                     OR OLD.price IS DISTINCT FROM NEW.price)
  EXECUTE FUNCTION seats_keep_what_was_sold();

-- The most tickets an account may have for one concert (held live or bought, across its
-- dates), checked when a hold is made or changed. One account's checks on one concert take
-- turns on an advisory lock, so holds on two dates at once cannot both pass.
CREATE FUNCTION check_ticket_limit(p_user uuid, p_concert uuid, p_max int, p_wanted int, p_except_hold uuid, p_now timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_have int;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('ticket-limit:' || p_user || ':' || p_concert, 0));
  SELECT (SELECT count(*) FROM reservations r JOIN schedules s ON s.id = r.schedule_id
           WHERE r.user_id = p_user AND s.concert_id = p_concert)
       + (SELECT count(*) FROM holds h JOIN hold_seats hs ON hs.hold_id = h.id JOIN schedules s ON s.id = h.schedule_id
           WHERE h.user_id = p_user AND h.status = 'ACTIVE' AND h.expires_at > p_now AND s.concert_id = p_concert
             AND h.id IS DISTINCT FROM p_except_hold)
    INTO v_have;
  IF v_have + p_wanted > p_max THEN
    RAISE EXCEPTION 'TICKET_LIMIT' USING DETAIL = json_build_object('max', p_max, 'have', v_have)::text;
  END IF;
END $$;

-- create_hold as before, for published concerts only and within their ticket limit.
CREATE OR REPLACE FUNCTION create_hold(p_user uuid, p_schedule uuid, p_seats uuid[], p_now timestamptz, p_expires_at timestamptz)
RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_schedule schedules%ROWTYPE;
  v_live uuid;
  v_found uuid[];
  v_taken uuid[];
  v_amount int;
  v_hold uuid;
  v_claimed int;
  v_status concert_status;
  v_max int;
BEGIN
  SELECT * INTO v_schedule FROM schedules WHERE id = p_schedule;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'NOT_FOUND' USING DETAIL = 'Schedule';
  END IF;
  SELECT status, max_tickets_per_account INTO v_status, v_max FROM concerts WHERE id = v_schedule.concert_id;
  IF v_status <> 'PUBLISHED' OR v_schedule.sales_open_at > p_now OR v_schedule.starts_at <= p_now THEN
    RAISE EXCEPTION 'SCHEDULE_NOT_ON_SALE';
  END IF;
  -- The caller's own lapsed hold still counts as ACTIVE until cron; close it first.
  UPDATE holds SET status = 'EXPIRED', closed_at = p_now
   WHERE user_id = p_user AND schedule_id = p_schedule AND status = 'ACTIVE' AND expires_at <= p_now;
  SELECT id INTO v_live FROM holds WHERE user_id = p_user AND schedule_id = p_schedule AND status = 'ACTIVE';
  IF FOUND THEN
    RAISE EXCEPTION 'HOLD_EXISTS' USING DETAIL = v_live::text;
  END IF;
  IF v_max IS NOT NULL THEN
    PERFORM check_ticket_limit(p_user, v_schedule.concert_id, v_max, cardinality(p_seats), NULL, p_now);
  END IF;
  -- Locked in id order; a seat another request is claiming right now counts as taken.
  SELECT array_agg(id ORDER BY id),
         array_agg(id ORDER BY id) FILTER (WHERE status = 'SOLD' OR hold_expires_at > p_now),
         sum(price)
    INTO v_found, v_taken, v_amount
    FROM (SELECT id, status, hold_expires_at, price FROM seats
           WHERE schedule_id = p_schedule AND id = ANY(p_seats)
           ORDER BY id FOR UPDATE NOWAIT) locked;
  IF coalesce(cardinality(v_found), 0) <> cardinality(p_seats) THEN
    RAISE EXCEPTION 'SEAT_NOT_OF_SCHEDULE'
      USING DETAIL = array_to_json(ARRAY(SELECT unnest(p_seats) EXCEPT SELECT unnest(v_found)))::text;
  END IF;
  IF v_taken IS NOT NULL THEN
    RAISE EXCEPTION 'SEAT_UNAVAILABLE' USING DETAIL = array_to_json(v_taken)::text;
  END IF;

  INSERT INTO holds (user_id, schedule_id, amount, expires_at)
  VALUES (p_user, p_schedule, v_amount, p_expires_at) RETURNING id INTO v_hold;
  INSERT INTO hold_seats (hold_id, seat_id, price) SELECT v_hold, id, price FROM seats WHERE id = ANY(p_seats);
  UPDATE seats SET hold_id = v_hold, hold_expires_at = p_expires_at
   WHERE id = ANY(p_seats) AND status = 'AVAILABLE' AND (hold_expires_at IS NULL OR hold_expires_at <= p_now);
  GET DIAGNOSTICS v_claimed = ROW_COUNT;
  -- Cannot differ under the row locks above; if it ever does, everything is undone.
  IF v_claimed <> cardinality(p_seats) THEN
    RAISE EXCEPTION 'SEAT_UNAVAILABLE' USING DETAIL = array_to_json(p_seats)::text;
  END IF;
  RETURN hold_record(v_hold);
END $$;

-- change_hold as before, for published concerts only and within their ticket limit.
CREATE OR REPLACE FUNCTION change_hold(p_user uuid, p_hold uuid, p_seats uuid[], p_now timestamptz) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_hold holds%ROWTYPE;
  v_current uuid[];
  v_found uuid[];
  v_taken uuid[];
  v_claimed int;
  v_concert uuid;
  v_status concert_status;
  v_max int;
BEGIN
  SELECT * INTO v_hold FROM holds WHERE id = p_hold FOR UPDATE;
  IF NOT FOUND OR v_hold.user_id <> p_user THEN
    RAISE EXCEPTION 'NOT_FOUND' USING DETAIL = 'Hold';
  END IF;
  IF v_hold.status IN ('PAID', 'RELEASED') THEN
    RAISE EXCEPTION 'HOLD_CLOSED' USING DETAIL = v_hold.status::text;
  END IF;
  IF v_hold.status = 'EXPIRED' OR v_hold.expires_at <= p_now THEN
    RAISE EXCEPTION 'HOLD_EXPIRED';
  END IF;
  SELECT s.concert_id, c.status, c.max_tickets_per_account INTO v_concert, v_status, v_max
    FROM schedules s JOIN concerts c ON c.id = s.concert_id WHERE s.id = v_hold.schedule_id;
  IF v_status <> 'PUBLISHED' THEN
    RAISE EXCEPTION 'SCHEDULE_NOT_ON_SALE';
  END IF;
  IF v_max IS NOT NULL THEN
    PERFORM check_ticket_limit(p_user, v_concert, v_max, cardinality(p_seats), p_hold, p_now);
  END IF;
  SELECT coalesce(array_agg(seat_id), '{}') INTO v_current FROM hold_seats WHERE hold_id = p_hold;

  -- Every seat involved, locked in id order; a seat another request is claiming counts as taken.
  SELECT array_agg(id) FILTER (WHERE id = ANY(p_seats)),
         array_agg(id ORDER BY id) FILTER (WHERE id = ANY(p_seats) AND NOT id = ANY(v_current)
                                             AND (status = 'SOLD' OR hold_expires_at > p_now))
    INTO v_found, v_taken
    FROM (SELECT id, status, hold_expires_at FROM seats
           WHERE schedule_id = v_hold.schedule_id AND (id = ANY(p_seats) OR id = ANY(v_current))
           ORDER BY id FOR UPDATE NOWAIT) locked;
  IF coalesce(cardinality(v_found), 0) <> cardinality(p_seats) THEN
    RAISE EXCEPTION 'SEAT_NOT_OF_SCHEDULE'
      USING DETAIL = array_to_json(ARRAY(SELECT unnest(p_seats) EXCEPT SELECT unnest(coalesce(v_found, '{}'))))::text;
  END IF;
  IF v_taken IS NOT NULL THEN
    RAISE EXCEPTION 'SEAT_UNAVAILABLE' USING DETAIL = array_to_json(v_taken)::text;
  END IF;

  UPDATE seats SET hold_id = NULL, hold_expires_at = NULL
   WHERE id = ANY(v_current) AND NOT id = ANY(p_seats) AND hold_id = p_hold;
  DELETE FROM hold_seats WHERE hold_id = p_hold AND NOT seat_id = ANY(p_seats);
  UPDATE seats SET hold_id = p_hold, hold_expires_at = v_hold.expires_at
   WHERE id = ANY(p_seats) AND NOT id = ANY(v_current)
     AND status = 'AVAILABLE' AND (hold_expires_at IS NULL OR hold_expires_at <= p_now);
  GET DIAGNOSTICS v_claimed = ROW_COUNT;
  -- Cannot differ under the row locks above; if it ever does, everything is undone.
  IF v_claimed <> cardinality(ARRAY(SELECT unnest(p_seats) EXCEPT SELECT unnest(v_current))) THEN
    RAISE EXCEPTION 'SEAT_UNAVAILABLE' USING DETAIL = array_to_json(p_seats)::text;
  END IF;
  INSERT INTO hold_seats (hold_id, seat_id, price)
  SELECT p_hold, id, price FROM seats WHERE id = ANY(p_seats) AND NOT id = ANY(v_current);
  UPDATE holds SET amount = (SELECT sum(price) FROM hold_seats WHERE hold_id = p_hold) WHERE id = p_hold;
  RETURN hold_record(p_hold);
END $$;

-- pay_hold as before, for published concerts only and within their ticket limit.
CREATE OR REPLACE FUNCTION pay_hold(p_user uuid, p_hold uuid, p_codes text[]) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_hold holds%ROWTYPE;
  v_now timestamptz;
  v_balance int;
  v_seats uuid[];
  v_sold int;
  v_payment payments%ROWTYPE;
  v_concert uuid;
  v_status concert_status;
  v_max int;
BEGIN
  SELECT * INTO v_hold FROM holds WHERE id = p_hold FOR UPDATE;
  IF NOT FOUND OR v_hold.user_id <> p_user THEN
    RAISE EXCEPTION 'NOT_FOUND' USING DETAIL = 'Hold';
  END IF;
  -- Read only once the hold is ours: waiting for the lock must not stretch its life.
  v_now := clock_timestamp();
  IF v_hold.status IN ('PAID', 'RELEASED') THEN
    RAISE EXCEPTION 'HOLD_CLOSED' USING DETAIL = v_hold.status::text;
  END IF;
  IF v_hold.status = 'EXPIRED' OR v_hold.expires_at <= v_now THEN
    RAISE EXCEPTION 'HOLD_EXPIRED';
  END IF;
  -- A hold made as its concert was being cancelled outlives the cancel's sweep; it cannot be paid.
  SELECT c.id, c.status, c.max_tickets_per_account INTO v_concert, v_status, v_max
    FROM schedules s JOIN concerts c ON c.id = s.concert_id WHERE s.id = v_hold.schedule_id;
  IF v_status <> 'PUBLISHED' THEN
    RAISE EXCEPTION 'SCHEDULE_NOT_ON_SALE';
  END IF;
  -- A hold made by another request the instant this one lapsed (by the caller's clock) did not
  -- count this one; paying it now must still keep the account within the limit.
  IF v_max IS NOT NULL THEN
    PERFORM check_ticket_limit(p_user, v_concert, v_max, (SELECT count(*)::int FROM hold_seats WHERE hold_id = p_hold), p_hold, v_now);
  END IF;

  UPDATE wallets SET balance = balance - v_hold.amount, updated_at = now()
   WHERE user_id = p_user AND balance >= v_hold.amount
  RETURNING balance INTO v_balance;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'INSUFFICIENT_BALANCE';
  END IF;

  SELECT array_agg(seat_id ORDER BY seat_id) INTO v_seats FROM hold_seats WHERE hold_id = p_hold;
  WITH locked AS (SELECT id FROM seats WHERE id = ANY(v_seats) ORDER BY id FOR UPDATE)
  UPDATE seats SET status = 'SOLD', hold_id = NULL, hold_expires_at = NULL FROM locked
   WHERE seats.id = locked.id AND seats.hold_id = p_hold AND seats.status = 'AVAILABLE' AND seats.hold_expires_at > v_now;
  GET DIAGNOSTICS v_sold = ROW_COUNT;
  -- Someone claimed a seat at the instant this hold lapsed (by their clock): it has expired.
  IF v_sold <> cardinality(v_seats) THEN
    RAISE EXCEPTION 'HOLD_EXPIRED';
  END IF;

  INSERT INTO payments (user_id, hold_id, amount, order_number)
  VALUES (p_user, p_hold, v_hold.amount, order_number(nextval('payment_order_seq'))) RETURNING * INTO v_payment;
  INSERT INTO ledger_entries (user_id, kind, amount, balance_after, payment_id)
  VALUES (p_user, 'PAYMENT', -v_hold.amount, v_balance, v_payment.id);
  INSERT INTO reservations (user_id, payment_id, schedule_id, seat_id, price, code)
  SELECT p_user, v_payment.id, v_hold.schedule_id, seat_id, price, p_codes[n]
    FROM (SELECT seat_id, price, row_number() OVER (ORDER BY seat_id) AS n FROM hold_seats WHERE hold_id = p_hold) hs;
  UPDATE holds SET status = 'PAID', closed_at = v_now WHERE id = p_hold;

  -- The receipt, its tickets as the app reads them (lib/payments/ticket-view.ts).
  RETURN jsonb_build_object(
    'id', v_payment.id, 'orderNumber', v_payment.order_number, 'scheduleId', v_hold.schedule_id,
    'amount', v_hold.amount, 'balance', v_balance,
    'paidAt', v_payment.created_at,
    'tickets', (SELECT jsonb_agg(jsonb_build_object(
                         'id', r.id, 'code', r.code, 'price', r.price, 'createdAt', r.created_at,
                         'payment', jsonb_build_object('orderNumber', v_payment.order_number),
                         'schedule', jsonb_build_object('startsAt', s.starts_at,
                                                        'concert', jsonb_build_object('id', c.id, 'title', c.title, 'venue', c.venue,
                                                                                   'timeZone', c.time_zone)),
                         'seat', jsonb_build_object('id', se.id, 'section', se.section, 'row', se."row",
                                                    'number', se.number, 'tier', se.tier)) ORDER BY se.number)
                  FROM reservations r JOIN seats se ON se.id = r.seat_id
                  JOIN schedules s ON s.id = r.schedule_id JOIN concerts c ON c.id = s.concert_id
                 WHERE r.payment_id = v_payment.id));
END $$;
