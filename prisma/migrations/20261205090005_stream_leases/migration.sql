-- Open event streams per account across every instance, for the per-account cap. UNLOGGED
-- like the rate-limit counters: no WAL for a lease, and a crash only forgets open streams
-- (their clients reconnect).
CREATE UNLOGGED TABLE "event_stream_leases" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "event_stream_leases_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "event_stream_leases_user_id_expires_at_idx" ON "event_stream_leases"("user_id", "expires_at");
