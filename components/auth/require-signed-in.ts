import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/auth-options";
import type { Identity } from "@/lib/auth/identity";
import { TOKEN_SCOPES } from "@/lib/auth/scopes";

/** The signed-in user of a page; anyone else (or an ended session) is sent to sign in and brought back. */
export async function requireSignedIn(returnTo: string): Promise<Identity> {
  // The session callback (lib/auth/auth-options.ts) drops the user of a session ended server-side.
  const session = await getServerSession(authOptions());
  const user = session?.user;
  if (!user?.id || !user.email) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return { id: user.id, email: user.email, name: user.name ?? "", via: "session", scopes: [...TOKEN_SCOPES] };
}
