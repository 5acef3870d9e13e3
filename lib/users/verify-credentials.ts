import { decoyPasswordHash, verifyPassword } from "../auth/password";
import { isStorableText } from "../schemas/text";
import type { Identity } from "../auth/identity";
import { claimPasswordCheck, clearSignInFailures } from "./sign-in-backoff";

export type Account = Pick<Identity, "id" | "email" | "name">;

/**
 * The account for an email and password, or null. Takes the same time either way. Throws
 * RATE_LIMITED while the account must wait after failed checks (lib/users/sign-in-backoff.ts).
 */
export async function verifyCredentials(email: string, password: string): Promise<Account | null> {
  // No account can have such an email, and PostgreSQL would fail on it rather than say so.
  const lookup = isStorableText(email) ? email.trim().toLowerCase() : null;
  const user = lookup ? await claimPasswordCheck(lookup) : null;
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !valid) return null;
  await clearSignInFailures(user.id);
  return { id: user.id, email: user.email, name: user.name };
}
