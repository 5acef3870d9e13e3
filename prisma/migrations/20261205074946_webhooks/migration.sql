-- Webhooks for API users (Standard Webhooks): endpoints an account registers, one delivery
-- per (endpoint, event) made from the domain events after webhook_cursor, each a job that
-- workers claim with SKIP LOCKED, and the log of every attempt.

-- CreateEnum
CREATE TYPE "webhook_delivery_status" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "event_types" TEXT[],
    "secret" TEXT NOT NULL,
    "previous_secret" TEXT,
    "previous_secret_until" TIMESTAMPTZ(3),
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabled_reason" TEXT,
    "failing_since" TIMESTAMPTZ(3),
    "last_failure_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "endpoint_id" UUID NOT NULL,
    "event_position" BIGINT,
    "type" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "webhook_delivery_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "locked_until" TIMESTAMPTZ(3),
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_attempts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "delivery_id" UUID NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status_code" INTEGER,
    "error" TEXT,
    "duration_ms" INTEGER NOT NULL,

    CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_cursor" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "last_position" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "webhook_cursor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_endpoints_user_id_idx" ON "webhook_endpoints"("user_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_endpoint_id_created_at_id_idx" ON "webhook_deliveries"("endpoint_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_endpoint_id_event_position_key" ON "webhook_deliveries"("endpoint_id", "event_position");

-- CreateIndex
CREATE INDEX "webhook_attempts_delivery_id_attempted_at_idx" ON "webhook_attempts"("delivery_id", "attempted_at");

-- AddForeignKey
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_event_types_chosen"
  CHECK ("event_types" IS NOT NULL AND cardinality("event_types") > 0);
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_attempts_non_negative" CHECK ("attempts" >= 0);

-- What is due, for the workers' claim.
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries"("next_attempt_at") WHERE "status" = 'PENDING';

-- Deliveries start with the events after this migration.
INSERT INTO "webhook_cursor" ("last_position") SELECT "last_position" FROM "event_sequence";

-- Access tokens may carry the webhooks scope (keep in step with TOKEN_SCOPES, lib/auth/scopes.ts).
ALTER TABLE "access_tokens" DROP CONSTRAINT "access_tokens_scopes_valid";
ALTER TABLE "access_tokens" ADD CONSTRAINT "access_tokens_scopes_valid"
  CHECK ("scopes" IS NOT NULL AND cardinality("scopes") > 0 AND "scopes" <@ ARRAY['read', 'booking', 'payments', 'organizer', 'webhooks']);

-- Turns up to p_limit events after the cursor into deliveries for every enabled endpoint of
-- the event's account that chose its type, and moves the cursor past them, in one
-- transaction: an event is dispatched once whatever crashes, and a second dispatcher at the
-- same moment skips (the cursor row is locked) rather than waits. Returns the events read,
-- or NULL when another dispatcher is at work.
CREATE FUNCTION dispatch_webhooks(p_limit int, OUT events int, OUT deliveries int) LANGUAGE plpgsql AS $$
DECLARE
  v_from bigint;
  v_to bigint;
BEGIN
  SELECT last_position INTO v_from FROM webhook_cursor FOR UPDATE SKIP LOCKED;
  IF NOT FOUND THEN RETURN; END IF;
  SELECT count(*), max(position) INTO events, v_to
    FROM (SELECT position FROM events WHERE position > v_from ORDER BY position LIMIT p_limit) batch;
  deliveries := 0;
  IF events = 0 THEN RETURN; END IF;
  INSERT INTO webhook_deliveries (endpoint_id, event_position, type, body, next_attempt_at)
  SELECT w.id, e.position, e.type,
         jsonb_build_object('type', e.type, 'timestamp', iso_time(e.created_at), 'data', e.payload)::text, now()
    FROM events e JOIN webhook_endpoints w ON w.user_id = e.user_id AND w.enabled AND e.type = ANY(w.event_types)
   WHERE e.position > v_from AND e.position <= v_to
  ON CONFLICT (endpoint_id, event_position) DO NOTHING;
  GET DIAGNOSTICS deliveries = ROW_COUNT;
  UPDATE webhook_cursor SET last_position = v_to;
END $$;
