import { hashPassword } from "../auth/password";
import { endOtherSessions, sessionsEnded } from "../auth/sessions";
import { ValidationError } from "../errors";
import { inTransaction } from "../transaction";
import type { Identity } from "../auth/identity";
import type { ChangePasswordBody } from "../schemas/users";
import { verifyCredentials } from "./verify-credentials";

/**
 * Sets a new password after checking the current one (which counts toward the sign-in
 * backoff, so a borrowed session cannot guess it freely), and signs the user out of every
 * other session, so whoever else signed in with the old password is out. `user.sessionId`
 * stays signed in. Access tokens are left alone (revoke them on /account).
 */
export async function changePassword(user: Identity, input: ChangePasswordBody): Promise<void> {
  if (!(await verifyCredentials(user.email, input.currentPassword))) {
    throw new ValidationError([{ field: "currentPassword", message: "is not your current password" }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await inTransaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash }, select: { id: true } });
    return endOtherSessions(user.id, user.sessionId, tx);
  });
  sessionsEnded(ended);
}
