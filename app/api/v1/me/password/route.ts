// POST /api/v1/me/password – change your password; every other session of yours ends
import { otherMethods } from "@/lib/http/method-not-allowed";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { changePasswordBody } from "@/lib/schemas/users";
import { changePassword } from "@/lib/users/change-password";

export const POST = route(
  {
    auth: "session",
    body: changePasswordBody,
    doc: {
      summary: "Change your password",
      description:
        "Signs you out of every other session; this one stays signed in. A wrong current password counts toward the sign-in backoff (429 with Retry-After).",
      tag: "Account",
      responses: { 204: { description: "Changed; your other sessions have ended", schema: null } },
      errors: ["RATE_LIMITED"],
    },
  },
  async ({ user, body }) => {
    await changePassword(user, body);
    return noContent();
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
