-- Requests in flight no longer leave a row: drop the claims they left (never answered).
DELETE FROM "idempotency_records" WHERE "state" = 'IN_PROGRESS';

-- AlterTable
ALTER TABLE "idempotency_records" DROP COLUMN "claim_token",
DROP COLUMN "state",
ALTER COLUMN "response_status" SET NOT NULL,
ALTER COLUMN "response_body" SET NOT NULL;

-- DropEnum
DROP TYPE "idempotency_state";
