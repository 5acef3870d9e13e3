-- Abandonment is something an organizer turns on: keeping a place then takes a status
-- request every third of the limit from each waiting page, which the public counters
-- otherwise spare the origin. At least 5 minutes, so that cost stays small.
ALTER TABLE "concerts" ALTER COLUMN "abandon_after_minutes" DROP DEFAULT;
UPDATE "concerts" SET "abandon_after_minutes" = NULL;
ALTER TABLE "concerts" DROP CONSTRAINT "concerts_fairness_settings_in_range";
ALTER TABLE "concerts" ADD CONSTRAINT "concerts_fairness_settings_in_range"
  CHECK ("challenge_difficulty" BETWEEN 0 AND 10000000 AND "min_account_age_days" BETWEEN 0 AND 3650
         AND ("abandon_after_minutes" IS NULL OR "abandon_after_minutes" BETWEEN 5 AND 1440));

-- A place skipped as abandoned is still its holder's: entering again (another device, a
-- new token) finds it, and the poll that follows takes it back.
CREATE OR REPLACE FUNCTION queue_entry_is_live(e queue_entries, p_now timestamptz) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN e.status IN ('PRE_QUEUE', 'WAITING', 'ABANDONED') OR (e.status IN ('ADMITTED', 'ACTIVE') AND e.active_until > p_now);
END $$;
