-- Changes the seats of the user's live hold to exactly p_seats (1–4 of its date), all or
-- nothing (lib/booking/change-hold.ts): seats kept stay held without a gap, seats added are
-- claimed like a new hold's, seats dropped are freed. The hold keeps its expiry: changing
-- seats never buys more time. Locks: the hold, then every seat involved in id order.
CREATE FUNCTION change_hold(p_user uuid, p_hold uuid, p_seats uuid[], p_now timestamptz) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_hold holds%ROWTYPE;
  v_current uuid[];
  v_found uuid[];
  v_taken uuid[];
  v_claimed int;
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
