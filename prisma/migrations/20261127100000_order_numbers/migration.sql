-- Each payment is an order with a short number a person can read out or type: eight
-- characters of Crockford's base 32 (no I, L, O or U) in two groups, e.g. KRVE-GJ9X.
CREATE SEQUENCE payment_order_seq;

-- Multiplying by an odd number is a bijection modulo 2^40, so numbers drawn from the
-- sequence never repeat, and neighbouring orders do not read as neighbours.
CREATE FUNCTION order_number(n bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((x >> (5 * i)) & 31)::int + 1, 1)
                    || CASE WHEN i = 4 THEN '-' ELSE '' END, '' ORDER BY i DESC)
    FROM (SELECT ((n::numeric * 679526025533) % 1099511627776)::bigint AS x) AS scrambled,
         generate_series(0, 7) AS i
$$;

ALTER TABLE payments ADD COLUMN order_number text;
UPDATE payments p SET order_number = order_number(numbered.n)
  FROM (SELECT id, nextval('payment_order_seq') AS n FROM (SELECT id FROM payments ORDER BY created_at, id) AS oldest_first) AS numbered
 WHERE numbered.id = p.id;
ALTER TABLE payments ALTER COLUMN order_number SET NOT NULL;
CREATE UNIQUE INDEX payments_order_number_key ON payments (order_number);

-- pay_hold as before, now numbering the order and naming it in the receipt and on each ticket.
CREATE OR REPLACE FUNCTION pay_hold(p_user uuid, p_hold uuid, p_codes text[]) RETURNS jsonb
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
