-- Per-account sign-in backoff (lib/users/sign-in-backoff.ts).
ALTER TABLE "users" ADD COLUMN     "sign_in_failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sign_in_retry_at" TIMESTAMPTZ(3);
ALTER TABLE "users" ADD CONSTRAINT "users_sign_in_failures_non_negative" CHECK ("sign_in_failures" >= 0);

-- Token scopes and expiry. Tokens made before keep what they could do (every scope) and
-- get the longest expiry, counted from now.
ALTER TABLE "access_tokens" ADD COLUMN     "expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "scopes" TEXT[];
UPDATE "access_tokens" SET "expires_at" = CURRENT_TIMESTAMP + interval '365 days', "scopes" = ARRAY['read', 'booking', 'payments'];
ALTER TABLE "access_tokens" ALTER COLUMN "expires_at" SET NOT NULL;
-- Keep in step with TOKEN_SCOPES (lib/auth/scopes.ts).
ALTER TABLE "access_tokens" ADD CONSTRAINT "access_tokens_scopes_valid"
  CHECK ("scopes" IS NOT NULL AND cardinality("scopes") > 0 AND "scopes" <@ ARRAY['read', 'booking', 'payments']);

-- Browser sessions. JWTs issued before carry no session id and count as signed out.
CREATE TABLE "sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
