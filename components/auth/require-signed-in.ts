import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./auth-options";
import type { Identity } from "./identity";

/** The signed-in user of a page; anyone else is sent to sign in and brought back. */
export async function requireSignedIn(returnTo: string): Promise<Identity> {
  const session = await getServerSession(authOptions());
  const user = session?.user;
  if (!user?.id || !user.email) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return { id: user.id, email: user.email, name: user.name ?? "", via: "session" };
}
