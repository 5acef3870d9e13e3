import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string };
  }
  /** What authorize returns: the account and the server-side session it just started. */
  interface User {
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The server-side session (lib/auth/sessions.ts) this cookie belongs to. */
    sid?: string;
  }
}
