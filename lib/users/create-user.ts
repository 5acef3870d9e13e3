import { hashPassword } from "../auth/password";
import { db } from "../db";
import { EmailTakenError } from "../errors";
import { isUniqueViolation } from "../prisma-errors";
import type { SignUpBody, UserView } from "../schemas/users";

/**
 * Registers a user with an empty wallet. Email uniqueness is left to the database's
 * unique index, so concurrent sign-ups with one address yield exactly one account.
 */
export async function createUser(input: SignUpBody): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name, passwordHash, wallet: { create: {} } },
      select: { id: true, email: true, name: true, createdAt: true },
    });
    return { ...user, createdAt: user.createdAt.toISOString() };
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}
