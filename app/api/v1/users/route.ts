// POST /api/v1/users – sign up
import { route } from "@/lib/http/route";
import { created } from "@/lib/http/responses";
import { signUpBody } from "@/lib/schemas/users";
import { createUser } from "@/lib/users/create-user";

export const POST = route({ auth: "none", body: signUpBody, rateLimit: "signUp" }, async ({ body }) => created(await createUser(body)));
