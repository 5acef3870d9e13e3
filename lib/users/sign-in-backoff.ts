import { db } from "../db";
import { RateLimitedError } from "../rate-limit/enforce-rate-limit";

/** Failed password checks allowed back to back; after that each one must wait longer. */
export const FREE_ATTEMPTS = 5;
/** The longest wait: guessing stays hopeless, and a stranger cannot lock the owner out for long. */
export const MAX_BACKOFF_SECONDS = 15 * 60;

export interface PasswordCheck {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
}

/**
 * Claims one password check on the account with this email, or throws RATE_LIMITED while
 * it must wait. The check counts as a failure from the moment it starts, in one conditional
 * UPDATE, so concurrent guesses are counted before any of them is verified. The n-th
 * failure in a row (n >= FREE_ATTEMPTS) makes the next check wait 2^(n - FREE_ATTEMPTS) s,
 * at most MAX_BACKOFF_SECONDS; a day without attempts forgets the count. Null: no such account.
 */
export async function claimPasswordCheck(email: string): Promise<PasswordCheck | null> {
  const [claimed] = await db.$queryRaw<PasswordCheck[]>`
    UPDATE users SET (sign_in_failures, sign_in_retry_at) = (
      SELECT failures, now() + make_interval(secs => CASE WHEN failures >= ${FREE_ATTEMPTS}::int
        THEN least(power(2, least(failures - ${FREE_ATTEMPTS}::int, 30)), ${MAX_BACKOFF_SECONDS}::int) ELSE 0 END)
      FROM (SELECT CASE WHEN sign_in_retry_at < now() - interval '1 day' THEN 1 ELSE sign_in_failures + 1 END AS failures) AS attempt
    )
    WHERE email = ${email} AND (sign_in_retry_at IS NULL OR sign_in_retry_at <= now())
    RETURNING id, email, name, password_hash AS "passwordHash"`;
  if (claimed) return claimed;
  const waiting = await db.user.findUnique({ where: { email }, select: { signInRetryAt: true } });
  if (!waiting) return null;
  // Retry-After in whole seconds, at least one (the wait may have just ended).
  throw new RateLimitedError(Math.max(1, Math.ceil(((waiting.signInRetryAt?.getTime() ?? 0) - Date.now()) / 1000)));
}

/** A correct password wipes the count. */
export async function clearSignInFailures(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { signInFailures: 0, signInRetryAt: null }, select: { id: true } });
}
