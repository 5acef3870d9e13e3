import { decoyPasswordHash, verifyPassword } from "../auth/password";
import { db } from "../db";
import { isStorableText } from "../schemas/text";
import type { Identity } from "../auth/identity";

/** The account for an email and password, or null. Takes the same time either way. */
export async function verifyCredentials(email: string, password: string): Promise<Omit<Identity, "via"> | null> {
  // No account can have such an email, and PostgreSQL would fail on it rather than say so.
  const lookup = isStorableText(email) ? email.trim().toLowerCase() : null;
  const user = lookup
    ? await db.user.findUnique({ where: { email: lookup }, select: { id: true, email: true, name: true, passwordHash: true } })
    : null;
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  return user && valid ? { id: user.id, email: user.email, name: user.name } : null;
}
