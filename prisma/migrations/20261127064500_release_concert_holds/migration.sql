-- Gives back every live hold a user has on a concert's dates (lib/booking/release-hold.ts):
-- their place in its line ended, so nothing they still hold could be paid for. Returns the
-- dates whose seats changed. Holds are locked first (by id), then their seats (by id) in a
-- second statement, whose fresh snapshot also sees seats a change_hold added just before.
CREATE FUNCTION release_concert_holds(p_user uuid, p_concert uuid, p_now timestamptz) RETURNS SETOF uuid
LANGUAGE plpgsql AS $$
DECLARE
  v_closed uuid[];
  v_dates uuid[];
BEGIN
  WITH closed AS (
    UPDATE holds SET status = (CASE WHEN expires_at <= p_now THEN 'EXPIRED' ELSE 'RELEASED' END)::hold_status, closed_at = p_now
     WHERE status = 'ACTIVE' AND id IN (
       SELECT h.id FROM holds h JOIN schedules s ON s.id = h.schedule_id
        WHERE h.user_id = p_user AND s.concert_id = p_concert AND h.status = 'ACTIVE'
        ORDER BY h.id FOR UPDATE OF h)
    RETURNING holds.id, holds.schedule_id)
  SELECT array_agg(id), array_agg(DISTINCT schedule_id) INTO v_closed, v_dates FROM closed;
  IF v_closed IS NULL THEN
    RETURN;
  END IF;
  WITH locked AS (SELECT id FROM seats WHERE hold_id = ANY(v_closed) ORDER BY id FOR UPDATE)
  UPDATE seats SET hold_id = NULL, hold_expires_at = NULL FROM locked WHERE seats.id = locked.id;
  RETURN QUERY SELECT unnest(v_dates);
END $$;
