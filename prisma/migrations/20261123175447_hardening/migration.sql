-- AlterTable
ALTER TABLE "idempotency_records" ADD COLUMN     "claim_token" UUID NOT NULL DEFAULT gen_random_uuid();

-- CreateTable
CREATE TABLE "rate_limit_counters" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateIndex
CREATE INDEX "rate_limit_counters_expires_at_idx" ON "rate_limit_counters"("expires_at");

-- Payments and hold releases find a hold's seats by hold_id.
CREATE INDEX "seats_hold_id_idx" ON "seats" ("hold_id") WHERE "hold_id" IS NOT NULL;
