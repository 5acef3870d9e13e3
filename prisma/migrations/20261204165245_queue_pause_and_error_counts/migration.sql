-- An organizer can pause a concert's line: admission stops and everyone keeps their place.
-- The stores take a paused line as an admission step of 0 (lib/queue/settings.ts).
ALTER TABLE "concerts" ADD COLUMN "queue_paused" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "queue_counters" DROP CONSTRAINT "queue_counters_settings_positive";
ALTER TABLE "queue_counters" ADD CONSTRAINT "queue_counters_settings_valid"
  CHECK ("active_limit" > 0 AND "admit_per_tick" >= 0 AND "active_ttl_seconds" > 0);

-- Server errors answered to a concert's shoppers, per minute (the organizer's dashboard).
-- UNLOGGED like the rate-limit counters: no WAL for a counter, and a crash only loses counts.
CREATE UNLOGGED TABLE "concert_error_minutes" (
    "concert_id" UUID NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "errors" INTEGER NOT NULL,

    CONSTRAINT "concert_error_minutes_pkey" PRIMARY KEY ("concert_id","minute")
);
CREATE INDEX "concert_error_minutes_minute_idx" ON "concert_error_minutes"("minute");
ALTER TABLE "concert_error_minutes" ADD CONSTRAINT "concert_error_minutes_errors_positive" CHECK ("errors" > 0);
