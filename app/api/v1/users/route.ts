// POST /api/v1/users – sign up
import { otherMethods } from "@/lib/http/method-not-allowed";
import { route } from "@/lib/http/route";
import { created } from "@/lib/http/responses";
import { signUpBody, userView } from "@/lib/schemas/users";
import { createUser } from "@/lib/users/create-user";

export const POST = route(
  {
    auth: "none",
    body: signUpBody,
    rateLimit: "signUp",
    doc: { summary: "Sign up", tag: "Account", responses: { 201: { description: "The new account", schema: userView } }, errors: ["EMAIL_TAKEN"] },
  },
  async ({ body }) => created(await createUser(body)),
);

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
