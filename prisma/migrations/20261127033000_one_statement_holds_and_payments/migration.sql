-- ─── Holding seats and paying, one statement each ─────────────────────────────
-- The hottest writes of a sale run as one function call each: one round trip instead of
-- ten, with the same locks taken in the same order as before (hold, wallet, seats by id).
-- A refusal is raised with the API's error code as its message (and JSON or a word as its
-- detail); the statement, and so everything it did, is then undone.

-- A hold as the app reads it (lib/booking/hold-view.ts).
CREATE FUNCTION hold_record(p_hold uuid) RETURNS jsonb
LANGUAGE sql AS $$
  SELECT jsonb_build_object(
           'id', h.id, 'scheduleId', h.schedule_id, 'status', h.status, 'amount', h.amount,
           'expiresAt', h.expires_at, 'createdAt', h.created_at,
           'schedule', jsonb_build_object('concertId', s.concert_id),
           'seats', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                              'price', hs.price,
                              'seat', jsonb_build_object('id', se.id, 'section', se.section, 'row', se."row",
                                                         'number', se.number, 'tier', se.tier))), '[]')
                       FROM hold_seats hs JOIN seats se ON se.id = hs.seat_id
                      WHERE hs.hold_id = h.id))
    FROM holds h JOIN schedules s ON s.id = h.schedule_id
   WHERE h.id = p_hold
$$;

-- Holds 1–4 seats of one date for the user, all or nothing (lib/booking/create-hold.ts).
CREATE FUNCTION create_hold(p_user uuid, p_schedule uuid, p_seats uuid[], p_now timestamptz, p_expires_at timestamptz)
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
BEGIN
  SELECT * INTO v_schedule FROM schedules WHERE id = p_schedule;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'NOT_FOUND' USING DETAIL = 'Schedule';
  END IF;
  IF v_schedule.sales_open_at > p_now OR v_schedule.starts_at <= p_now THEN
    RAISE EXCEPTION 'SCHEDULE_NOT_ON_SALE';
  END IF;
  -- The caller's own lapsed hold still counts as ACTIVE until cron; close it first.
  UPDATE holds SET status = 'EXPIRED', closed_at = p_now
   WHERE user_id = p_user AND schedule_id = p_schedule AND status = 'ACTIVE' AND expires_at <= p_now;
  SELECT id INTO v_live FROM holds WHERE user_id = p_user AND schedule_id = p_schedule AND status = 'ACTIVE';
  IF FOUND THEN
    RAISE EXCEPTION 'HOLD_EXISTS' USING DETAIL = v_live::text;
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

-- Pays for the user's live hold from their wallet (lib/payments/pay-hold.ts): hold locked →
-- wallet debited if the balance covers it → seats SOLD → payment, ledger row and one ticket
-- per seat (codes from the caller, one per seat in seat-id order) → hold PAID.
CREATE FUNCTION pay_hold(p_user uuid, p_hold uuid, p_codes text[]) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_hold holds%ROWTYPE;
  v_now timestamptz;
  v_balance int;
  v_seats uuid[];
  v_sold int;
  v_payment payments%ROWTYPE;
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

  INSERT INTO payments (user_id, hold_id, amount) VALUES (p_user, p_hold, v_hold.amount) RETURNING * INTO v_payment;
  INSERT INTO ledger_entries (user_id, kind, amount, balance_after, payment_id)
  VALUES (p_user, 'PAYMENT', -v_hold.amount, v_balance, v_payment.id);
  INSERT INTO reservations (user_id, payment_id, schedule_id, seat_id, price, code)
  SELECT p_user, v_payment.id, v_hold.schedule_id, seat_id, price, p_codes[n]
    FROM (SELECT seat_id, price, row_number() OVER (ORDER BY seat_id) AS n FROM hold_seats WHERE hold_id = p_hold) hs;
  UPDATE holds SET status = 'PAID', closed_at = v_now WHERE id = p_hold;

  -- The receipt, its tickets as the app reads them (lib/payments/ticket-view.ts).
  RETURN jsonb_build_object(
    'id', v_payment.id, 'scheduleId', v_hold.schedule_id, 'amount', v_hold.amount, 'balance', v_balance,
    'paidAt', v_payment.created_at,
    'tickets', (SELECT jsonb_agg(jsonb_build_object(
                         'id', r.id, 'code', r.code, 'price', r.price, 'createdAt', r.created_at,
                         'schedule', jsonb_build_object('startsAt', s.starts_at,
                                                        'concert', jsonb_build_object('id', c.id, 'title', c.title, 'venue', c.venue)),
                         'seat', jsonb_build_object('id', se.id, 'section', se.section, 'row', se."row",
                                                    'number', se.number, 'tier', se.tier)) ORDER BY se.number)
                  FROM reservations r JOIN seats se ON se.id = r.seat_id
                  JOIN schedules s ON s.id = r.schedule_id JOIN concerts c ON c.id = s.concert_id
                 WHERE r.payment_id = v_payment.id));
END $$;
