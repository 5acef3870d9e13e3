import { timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { DomainError } from "../errors";

/** The cron route's only caller is the scheduler holding CRON_SECRET, on every platform. */
export function requireCronSecret(authorization: string | null): void {
  const given = Buffer.from(authorization ?? "");
  const expected = Buffer.from(`Bearer ${env().CRON_SECRET}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new DomainError("UNAUTHENTICATED", "The cron route needs `Authorization: Bearer <CRON_SECRET>`.");
  }
}
