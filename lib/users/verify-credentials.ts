import { decoyPasswordHash, verifyPassword } from "../auth/password";
import { db } from "../db";
import type { Identity } from "../auth/identity";

/** The account for an email and password, or null. Takes the same time either way. */
export async function verifyCredentials(email: string, password: string): Promise<Omit<Identity, "via"> | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  return user && valid ? { id: user.id, email: user.email, name: user.name } : null;
}
